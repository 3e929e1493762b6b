package org.aikg.bench;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * A bare embedded Fuseki in its own JVM: reads an RDF file aikg wrote into an in-memory dataset
 * ({@code DatasetGraphFactory.createTxnMem()}) and serves it at {@code /ds} on 127.0.0.1. The
 * start-up baseline (the article's Turtle), and the baseline server of the serve and download
 * benchmarks (the corpus's N-Quads with {@code --copy-union}: the union of the named graphs is
 * also copied into the default graph, so that {@code /ds/get?default} and queries without
 * {@code GRAPH} see the whole graph, as on aikg's server). {@code --output-buffer N} sets Jetty's
 * output buffer as aikg's server does (32 KiB there): Fuseki's own 5 MiB buffer is larger than
 * Jetty's pool serves, so every response allocates a fresh direct buffer, and under load the JVM
 * runs full collections (System.gc() from the direct-memory reservation) to free them. With
 * {@code --tdb2} it serves a TDB2 store instead, its default graph the union of the named graphs
 * (as stock Fuseki's {@code --set tdb2:unionDefaultGraph=true}).
 *
 * <pre>
 * java -cp target/test-classes:target/aikg.jar org.aikg.bench.FusekiBaseline [--copy-union] [--tdb2] [--output-buffer N] FILE|DIR PORT
 * </pre>
 */
public final class FusekiBaseline {
    private FusekiBaseline() {}

    public static void main(String[] args) {
        List<String> a = new ArrayList<>(List.of(args));
        boolean copyUnion = a.remove("--copy-union");
        boolean tdb2 = a.remove("--tdb2");
        int outputBuffer = 0;
        int i = a.indexOf("--output-buffer");
        if (i >= 0 && i + 1 < a.size()) {
            outputBuffer = Integer.parseInt(a.get(i + 1));
            a.remove(i + 1);
            a.remove(i);
        }
        if (a.size() != 2) {
            System.err.println("usage: FusekiBaseline [--copy-union] [--tdb2] [--output-buffer N] FILE|DIR PORT");
            System.exit(2);
        }
        DatasetGraph dsg = tdb2 ? org.apache.jena.tdb2.DatabaseMgr.connectDatasetGraph(a.get(0)) : DatasetGraphFactory.createTxnMem();
        if (tdb2) {
            // as stock Fuseki's --set tdb2:unionDefaultGraph=true: queries without GRAPH see the union of the named graphs
            dsg.getContext().set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true);
        } else if (copyUnion) {
            Txn.executeWrite(dsg, () -> {
                RDFDataMgr.read(dsg, a.get(0));
                Graph union = dsg.getDefaultGraph();
                List<Node> names = new ArrayList<>();
                dsg.listGraphNodes().forEachRemaining(names::add);
                for (Node g : names) {
                    List<Triple> ts = dsg.getGraph(g).find().toList();
                    ts.forEach(union::add);
                }
            });
        } else {
            RDFDataMgr.read(dsg, a.get(0));
        }
        FusekiServer server = FusekiServer.create().port(Integer.parseInt(a.get(1))).loopback(true).add("/ds", dsg).build();
        if (outputBuffer > 0) {
            for (Connector c : server.getJettyServer().getConnectors()) {
                HttpConnectionFactory f = c.getConnectionFactory(HttpConnectionFactory.class);
                if (f != null) f.getHttpConfiguration().setOutputBufferSize(outputBuffer);
            }
        }
        server.start();
    }
}
