"""rdflib against a server: its SPARQLStore (GET and POST) on /sparql, and Graph().parse() of a
thing's IRI (content negotiation and the 303). One line per check. Run by ClientsIT with Debian's
python3-rdflib."""
import sys
import warnings

warnings.simplefilter("ignore")

from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore

base = sys.argv[1]
people = "PREFIX schema: <http://schema.org/> SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }"
construct = "PREFIX schema: <http://schema.org/> CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }"

for method in ("GET", "POST"):
    store = Graph(store=SPARQLStore(base + "sparql", method=method))
    names = sorted(str(row[0]) for row in store.query(people))
    print(f"SPARQLStore {method} SELECT {names}")
    print(f"SPARQLStore {method} ASK {store.query('ASK { ?s ?p ?o }').askAnswer}")
    print(f"SPARQLStore {method} CONSTRUCT {len(store.query(construct).graph)}")

expo = URIRef("https://w3id.org/ai-industry-kg/id/event/world-intelligence-expo-2024")
local = base + "id/event/world-intelligence-expo-2024"
graph = Graph()
graph.parse(local)
print(f"parse {local} startDate {graph.value(expo, URIRef('http://schema.org/startDate'))}")
