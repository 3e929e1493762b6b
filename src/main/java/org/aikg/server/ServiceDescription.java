package org.aikg.server;

import org.aikg.vocab.Vocab;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;

/** The SPARQL 1.1 Service Description of {@code /sparql}. */
final class ServiceDescription {
    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private static final String FORMATS = "http://www.w3.org/ns/formats/";

    private ServiceDescription() {}

    static Graph of(Site site, String origin) {
        Graph g = GraphFactory.createGraphMem();
        g.getPrefixMapping().setNsPrefix("sd", SD).setNsPrefix("formats", FORMATS).setNsPrefix("void", Vocab.VOID);
        Node service = NodeFactory.createURI(origin + "/sparql#service");
        Node endpoint = NodeFactory.createURI(origin + "/sparql");
        add(g, service, Vocab.RDF_type, sd("Service"));
        add(g, service, sd("endpoint"), endpoint);
        add(g, service, sd("supportedLanguage"), sd("SPARQL11Query"));
        add(g, service, sd("feature"), sd("UnionDefaultGraph"));
        for (String f : new String[] {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle",
                "N-Triples", "JSON-LD", "RDF_XML"}) {
            add(g, service, sd("resultFormat"), NodeFactory.createURI(FORMATS + f));
        }
        Node dataset = NodeFactory.createBlankNode("dataset");
        add(g, service, sd("defaultDataset"), dataset);
        add(g, dataset, Vocab.RDF_type, sd("Dataset"));
        add(g, dataset, NodeFactory.createURI(Vocab.VOID + "inDataset"), site.datasetNode);
        Node dg = NodeFactory.createBlankNode("default");
        add(g, dataset, sd("defaultGraph"), dg);
        add(g, dg, Vocab.RDF_type, sd("Graph"));
        add(g, dg, NodeFactory.createURI(Vocab.VOID + "triples"), NodeFactory.createLiteralDT(Long.toString(site.triples),
                org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger));
        site.dsg.listGraphNodes().forEachRemaining(name -> {
            Node ng = NodeFactory.createBlankNode("g" + Integer.toHexString(name.getURI().hashCode()));
            add(g, dataset, sd("namedGraph"), ng);
            add(g, ng, sd("name"), name);
        });
        return g;
    }

    private static Node sd(String local) {
        return NodeFactory.createURI(SD + local);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(Triple.create(s, p, o));
    }
}
