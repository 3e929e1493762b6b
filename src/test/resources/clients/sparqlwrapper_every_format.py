"""SPARQLWrapper against an endpoint: every query form, its default and every other return format,
GET, POST form and POST direct. One line per request: OK (with what the converted answer holds) or
FAIL (with the exception). Run by ClientsIT with Debian's python3-sparqlwrapper."""
import json
import sys
import warnings
from xml.dom.minidom import Document

warnings.simplefilter("ignore")

from SPARQLWrapper import GET, POST, POSTDIRECTLY, URLENCODED, SPARQLWrapper
import SPARQLWrapper.Wrapper as Wrapper

endpoint = sys.argv[1]
queries = {
    "SELECT": "PREFIX schema: <http://schema.org/> SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }",
    "ASK": "PREFIX schema: <http://schema.org/> ASK { ?p a schema:Person }",
    "CONSTRUCT": "PREFIX schema: <http://schema.org/> CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }",
    "DESCRIBE": "DESCRIBE <https://w3id.org/ai-industry-kg/id/person/liu-gang-cingai>",
}


def text_of(data):
    if isinstance(data, Document):
        return data.toxml()
    if isinstance(data, (bytes, bytearray)):
        return data.decode("utf-8")
    if isinstance(data, (dict, list)):
        return json.dumps(data, ensure_ascii=False)
    if hasattr(data, "serialize"):
        out = data.serialize(format="nt")
        return out.decode("utf-8") if isinstance(out, bytes) else out
    return str(data)


for form, query in queries.items():
    for fmt in [None] + list(Wrapper._allowedFormats):
        for method, request in (("GET", None), ("POST", URLENCODED), ("POST", POSTDIRECTLY)):
            label = f"{form} {fmt or 'default'} {method}{'/' + request if request else ''}"
            client = SPARQLWrapper(endpoint)
            client.setQuery(query)
            if fmt:
                client.setReturnFormat(fmt)
            client.setMethod(GET if method == "GET" else POST)
            if request:
                client.setRequestMethod(request)
            try:
                result = client.query()
                content_type = result.response.headers.get("Content-Type", "")
                text = text_of(result.convert())
                print(f"OK {label} | {content_type} | liu={'Liu Gang' in text} true={'true' in text.lower()}")
            except Exception as e:  # noqa: BLE001 - every failure is a line of the report
                print(f"FAIL {label} | {type(e).__name__}: {str(e)[:300]}")
