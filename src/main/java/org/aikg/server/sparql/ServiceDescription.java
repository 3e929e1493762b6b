package org.aikg.server.sparql;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import org.aikg.format.Format;
import org.aikg.server.http.Offers;
import org.aikg.vocab.Vocab;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The SPARQL 1.1 Service Description of the endpoint: its canonical address (never one taken from a
 * request's {@code Host}), the language, the result formats of the format registry, and the default
 * dataset with its named graphs.
 *
 * <pre>{@code
 * Graph sd = ServiceDescription.of("https://w3id.org/ai-industry-kg/sparql", dataset, triples, graphNames);
 * }</pre>
 */
public final class ServiceDescription {
    public static final String SD = "http://www.w3.org/ns/sparql-service-description#";

    private ServiceDescription() {}

    public static Graph of(String endpoint, Node dataset, long triples, Iterator<Node> graphs) {
        Graph g = GraphFactory.createGraphMem();
        g.getPrefixMapping().setNsPrefix("sd", SD).setNsPrefix("formats", "http://www.w3.org/ns/formats/").setNsPrefix("void", Vocab.VOID);
        Node service = NodeFactory.createURI(endpoint + "#service");
        add(g, service, Vocab.RDF_type, sd("Service"));
        add(g, service, sd("endpoint"), NodeFactory.createURI(endpoint));
        add(g, service, sd("supportedLanguage"), sd("SPARQL11Query"));
        add(g, service, sd("feature"), sd("UnionDefaultGraph"));
        Set<String> formats = new LinkedHashSet<>();
        for (Offers o : new Offers[] {Offers.SELECT, Offers.ASK, Offers.GRAPH}) {
            for (Format f : o.formats()) if (f.w3cIri() != null) formats.add(f.w3cIri());
        }
        for (String f : formats) add(g, service, sd("resultFormat"), NodeFactory.createURI(f));
        Node ds = NodeFactory.createBlankNode("dataset");
        add(g, service, sd("defaultDataset"), ds);
        add(g, ds, Vocab.RDF_type, sd("Dataset"));
        add(g, ds, NodeFactory.createURI(Vocab.VOID + "inDataset"), dataset);
        Node dg = NodeFactory.createBlankNode("default");
        add(g, ds, sd("defaultGraph"), dg);
        add(g, dg, Vocab.RDF_type, sd("Graph"));
        add(g, dg, NodeFactory.createURI(Vocab.VOID + "triples"), NodeFactory.createLiteralDT(Long.toString(triples), XSDDatatype.XSDinteger));
        while (graphs.hasNext()) {
            Node name = graphs.next();
            Node ng = NodeFactory.createBlankNode();
            add(g, ds, sd("namedGraph"), ng);
            add(g, ng, sd("name"), name);
        }
        return g;
    }

    private static Node sd(String local) {
        return NodeFactory.createURI(SD + local);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(Triple.create(s, p, o));
    }
}
