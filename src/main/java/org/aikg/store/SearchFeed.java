package org.aikg.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.aikg.search.SearchIndex;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * The search index's entries of a bulk load, written on a thread of their own while the store is
 * written, rather than read back from the store after its commit: the names and labels of each part
 * are handed over as the part goes by, each graph's earlier entries are removed before its first
 * new one, a name repeated in a graph is entered once (as the store keeps one quad), and nothing is
 * committed before the store is. One thread hands parts over; the index is written on another.
 */
final class SearchFeed implements AutoCloseable {
    /** Parts waiting to be entered: a few, so that a slow index holds back the load rather than fills the heap. */
    private static final int WAITING = 256;
    private static final Runnable END = () -> { };

    private final SearchIndex.Update update;
    private final BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(WAITING);
    private final Map<Node, Set<Triple>> entered = new HashMap<>();  // the index thread's own
    private final Thread thread;
    private volatile RuntimeException failure;
    private volatile boolean cancelled;

    SearchFeed(Path dir) {
        this.update = SearchIndex.update(dir);
        this.thread = new Thread(this::run, "aikg-search-index");
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands over the names and labels among {@code triples}, a part of {@code graph}. */
    void part(Node graph, List<Triple> triples) {
        List<Triple> labels = new ArrayList<>();
        for (Triple t : triples) {
            if (SearchIndex.isLabel(t)) labels.add(t);
        }
        hand(() -> {
            Set<Triple> done = entered.get(graph);
            if (done == null) {
                entered.put(graph, done = new HashSet<>());
                update.remove(graph);
            }
            for (Triple t : labels) {
                if (done.add(t)) update.add(graph, t);
            }
        });
    }

    /** Waits until everything handed over is written (not yet committed); throws what failed on the way. */
    void finish() {
        hand(update::flush);
        hand(END);
        join();
        if (failure != null) throw failure;
    }

    /** Commits the entries: after {@link #finish}, once the store has committed. */
    void commit() {
        update.commit();
    }

    /** Without a commit, the index is left as it was. */
    @Override
    public void close() {
        if (thread.isAlive()) {
            cancelled = true;
            queue.clear();
            queue.offer(END);
            join();
        }
        update.close();
    }

    private void hand(Runnable work) {
        if (failure != null) throw failure;
        try {
            queue.put(work);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the search index", e);
        }
    }

    private void run() {
        try {
            for (Runnable work = queue.take(); work != END; work = queue.take()) {
                if (failure != null || cancelled) continue;  // go on taking, so that the loading thread is never held up
                try {
                    work.run();
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the search index", e);
        }
    }
}
