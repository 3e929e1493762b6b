package org.aikg.bench;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;

/**
 * The memory baseline: Jena's in-memory dataset alone, holding the same quads as aikg's N-Quads of
 * the corpus (each source's named graph), in its own JVM. With {@code --copy-union} the union of the
 * named graphs is also copied into the default graph. Prints {@code READY quads=N triples=M} (M: the
 * triples of the union) and waits to be measured (jcmd) and stopped.
 *
 * <pre>
 * java -Xmx4g -cp target/test-classes:target/aikg.jar org.aikg.bench.MemoryProbe corpus.nq
 * </pre>
 */
public final class MemoryProbe {
    private MemoryProbe() {}

    public static void main(String[] args) throws InterruptedException {
        boolean copyUnion = List.of(args).contains("--copy-union");
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        long[] counts = new long[2];
        Txn.executeWrite(dsg, () -> {
            RDFDataMgr.read(dsg, args[0], Lang.NQUADS);
            if (copyUnion) {
                Graph union = dsg.getDefaultGraph();
                List<Node> names = new ArrayList<>();
                dsg.listGraphNodes().forEachRemaining(names::add);
                for (Node g : names) {
                    List<Triple> ts = dsg.getGraph(g).find().toList();
                    ts.forEach(union::add);
                }
            }
        });
        Txn.executeRead(dsg, () -> {
            counts[0] = dsg.stream().count();
            counts[1] = dsg.getUnionGraph().stream().distinct().count();
        });
        for (int i = 0; i < 3; i++) System.gc();
        System.out.println("READY quads=" + counts[0] + " triples=" + counts[1] + " class=" + dsg.getClass().getSimpleName());
        System.out.flush();
        // keep the dataset reachable while the harness measures this JVM from outside, until stopped
        kept = dsg;
        new java.util.concurrent.CountDownLatch(1).await();
    }

    static volatile DatasetGraph kept;
}
