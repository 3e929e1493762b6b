package org.aikg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aikg.vocab.Vocab;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Search over the names and labels of the published things, in English and Chinese, with Jena's
 * Lucene text index: an English word matches from its start ("tian" finds Tianjin), Chinese matches
 * any run of characters ("天津", "人工智能", "津"), and the best names come first (the whole name, then
 * names that begin with the text, then the rest by Lucene's score).
 *
 * <pre>{@code
 * try (SearchIndex index = SearchIndex.of(graph)) {
 *     List<SearchIndex.Hit> hits = index.search("天津", 10);
 * }
 * }</pre>
 */
public final class SearchIndex implements AutoCloseable {
    /** The predicates whose values are searched: names, alternate names, labels, titles, job titles, a claim's text. */
    public static final List<Node> LABELS = List.of(Vocab.SCHEMA_name, Vocab.SCHEMA_alternateName, Vocab.SCHEMA_headline,
            NodeFactory.createURI(Vocab.RDFS + "label"), NodeFactory.createURI(Vocab.SKOS + "prefLabel"), NodeFactory.createURI(Vocab.SKOS + "altLabel"),
            Vocab.DCT_title, Vocab.SCHEMA_text, Vocab.SCHEMA_jobTitle);
    private static final Set<Node> LABEL_PREDICATES = Set.copyOf(LABELS);
    /** The longest query taken: past it, only its start is searched. */
    public static final int MAX_QUERY = 200;
    private static final String FIELD = "label";
    private static final String GRAPH = "graph";
    /** The graph an index of one whole graph files its entries under. */
    private static final String WHOLE = "urn:aikg:search:whole";

    /** One thing found: the name that matched (with its language) and how well. */
    public record Hit(Node thing, String label, String lang, float score) {}

    private final TextIndexLucene index;

    private SearchIndex(Directory dir) {
        EntityDefinition def = new EntityDefinition("uri", FIELD);
        for (Node p : LABELS) def.set(FIELD, p);
        def.setLangField("lang");
        def.setGraphField(GRAPH);
        TextIndexConfig config = new TextIndexConfig(def);
        config.setValueStored(true);
        config.setAnalyzer(new Words(true));
        config.setQueryAnalyzer(new Words(false));
        this.index = new TextIndexLucene(dir, config);
    }

    /** An index of {@code data}'s names and labels, in memory. */
    public static SearchIndex of(Graph data) {
        SearchIndex s = new SearchIndex(new ByteBuffersDirectory());
        s.add(WHOLE, data);
        s.index.commit();
        return s;
    }

    /**
     * An index of the names and labels of every named graph of {@code dsg}, in memory, each entry filed
     * under its graph, so that a graph's entries can be replaced ({@link #update()}); read in the caller's transaction.
     */
    public static SearchIndex ofGraphs(DatasetGraph dsg) {
        SearchIndex s = new SearchIndex(new ByteBuffersDirectory());
        dsg.listGraphNodes().forEachRemaining(g -> s.add(g.getURI(), dsg.getGraph(g)));
        s.index.commit();
        return s;
    }

    /**
     * An update of this index (one made by {@link #ofGraphs}), made in steps and committed as one: until
     * then, searches see the index as it was. Closing the update without a commit drops it; the index stays open.
     */
    public Update update() {
        return new Update(this, null, false);
    }

    /**
     * Writes the index of {@code data} to {@code dir}, replacing any there: written to a sibling folder
     * first and moved into place, so that a failure leaves the earlier index whole.
     */
    public static void write(Graph data, Path dir) {
        Path tmp = dir.resolveSibling(dir.getFileName() + ".part");
        try {
            delete(tmp);
            try (SearchIndex s = new SearchIndex(FSDirectory.open(Files.createDirectories(tmp)))) {
                s.add(WHOLE, data);
                s.index.commit();
            }
            delete(dir);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search index to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Opens an index written by {@link #write}. */
    public static SearchIndex open(Path dir) {
        try {
            return new SearchIndex(FSDirectory.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index at " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes the index at {@code dir} (created if missing) hold the names of these graphs as they are
     * now: each graph's earlier entries are replaced by those of its new content (an empty graph
     * removes them), others are kept. One commit, so a failure leaves the index as it was. A load that
     * changes a few sources' graphs updates only theirs.
     */
    public static void replace(Path dir, Map<Node, Graph> graphs) {
        try (Update u = update(dir)) {
            for (Map.Entry<Node, Graph> g : graphs.entrySet()) {
                u.remove(g.getKey());
                for (Node p : LABELS) g.getValue().find(Node.ANY, p, Node.ANY).forEachRemaining(t -> u.add(g.getKey(), t));
            }
            u.commit();
        }
    }

    /**
     * An update of the index at {@code dir} (created if missing), made in steps and committed as one
     * ({@link Update#commit}); closed without a commit, it leaves the index as it was. {@link #replace}
     * in steps, for a writer that sees each graph's triples as they go by rather than whole.
     */
    public static Update update(Path dir) {
        try {
            Update u = new Update(new SearchIndex(FSDirectory.open(Files.createDirectories(dir))), dir, true);
            u.remove(NodeFactory.createURI(WHOLE));
            return u;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the search index at " + dir + ": " + e.getMessage(), e);
        }
    }

    /** True for a triple the index holds: a name or label (see {@link #LABELS}) of an IRI. */
    public static boolean isLabel(Triple t) {
        return LABEL_PREDICATES.contains(t.getPredicate()) && t.getSubject().isURI() && t.getObject().isLiteral();
    }

    /** See {@link #update}: one thread at a time; a graph's entries removed before its new ones are added. */
    public static final class Update implements AutoCloseable {
        private final SearchIndex s;
        private final Path dir;
        private final boolean owned;
        private boolean committed;

        private Update(SearchIndex s, Path dir, boolean owned) {
            this.s = s;
            this.dir = dir;
            this.owned = owned;
        }

        /** Removes the entries of {@code graph}: those it had before this update. */
        public void remove(Node graph) {
            try {
                s.index.getIndexWriter().deleteDocuments(new Term(GRAPH, graph.getURI()));
            } catch (IOException e) {
                throw failed(e);
            }
        }

        /** Adds the entry of one triple of {@code graph}, if it is a name or label ({@link #isLabel}). */
        public void add(Node graph, Triple t) {
            if (!isLabel(t)) return;
            Entity e = new Entity(t.getSubject().getURI(), graph.getURI(), t.getObject().getLiteralLanguage(), null);
            e.put(FIELD, t.getObject().getLiteralLexicalForm());
            s.index.addEntity(e);
        }

        /** Writes out what was added so far, leaving less for {@link #commit} to do. */
        public void flush() {
            try {
                s.index.getIndexWriter().flush();
            } catch (IOException e) {
                throw failed(e);
            }
        }

        public void commit() {
            s.index.commit();
            committed = true;
        }

        @Override
        public void close() {
            try {
                if (!committed) s.index.rollback();
            } finally {
                if (owned) s.close();
            }
        }

        private UncheckedIOException failed(IOException e) {
            return new UncheckedIOException("cannot update the search index" + (dir != null ? " at " + dir : "") + ": " + e.getMessage(), e);
        }
    }

    private void add(String graph, Graph data) {
        for (Node p : LABELS) {
            for (var it = data.find(Node.ANY, p, Node.ANY); it.hasNext();) {
                Triple t = it.next();
                if (!isLabel(t)) continue;
                Entity e = new Entity(t.getSubject().getURI(), graph, t.getObject().getLiteralLanguage(), null);
                e.put(FIELD, t.getObject().getLiteralLexicalForm());
                index.addEntity(e);
            }
        }
    }

    /**
     * The things whose names match {@code text}, best first, each once (with its best-matching name),
     * at most {@code limit}. Text that holds no word gives nothing.
     */
    public List<Hit> search(String text, int limit) {
        String q = text == null ? "" : text.strip();
        if (q.length() > MAX_QUERY) q = q.substring(0, MAX_QUERY);
        String lucene = query(q);
        if (lucene.isEmpty()) return List.of();
        List<TextHit> hits = index.query((Node) null, lucene, null, null, Math.max(limit * 5, 50));
        String lower = q.toLowerCase(Locale.ROOT);
        Map<Node, Hit> best = new LinkedHashMap<>();
        for (TextHit h : hits) {
            if (h.getLiteral() == null) continue;
            String label = h.getLiteral().getLiteralLexicalForm();
            float score = h.getScore() + rank(label.toLowerCase(Locale.ROOT), lower);
            Hit hit = new Hit(h.getNode(), label, h.getLiteral().getLiteralLanguage(), score);
            best.merge(h.getNode(), hit, (a, b) -> a.score() >= b.score() ? a : b);
        }
        List<Hit> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::label).thenComparing(h -> h.thing().getURI()));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
    }

    /**
     * The things whose names are nearest to {@code text} when nothing matches it: each Latin word allowed up to
     * two edits (Lucene's fuzzy query), any one word enough; Chinese by any pair of its characters. For "did you mean".
     */
    public List<Hit> nearest(String text, int limit) {
        String q = text == null ? "" : text.strip();
        if (q.length() > MAX_QUERY) q = q.substring(0, MAX_QUERY);
        String fuzzy = fuzzyQuery(q);
        if (fuzzy.isBlank()) return List.of();
        List<TextHit> hits = index.query((Node) null, fuzzy, null, null, Math.max(limit * 5, 50));
        Map<Node, Hit> best = new LinkedHashMap<>();
        for (TextHit h : hits) {
            if (h.getLiteral() == null) continue;
            Hit hit = new Hit(h.getNode(), h.getLiteral().getLiteralLexicalForm(), h.getLiteral().getLiteralLanguage(), h.getScore());
            best.merge(h.getNode(), hit, (a, b) -> a.score() >= b.score() ? a : b);
        }
        List<Hit> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::label).thenComparing(h -> h.thing().getURI()));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
    }

    /** The whole name first, then names that begin with the text, then names that hold it. */
    static float rank(String label, String text) {
        if (label.equals(text)) return 300;
        if (label.startsWith(text)) return 200;
        if (label.contains(text)) return 100;
        return 0;
    }

    /**
     * The Lucene query for a text: every word required, the last one as a prefix (it may be half
     * typed); Chinese as its bigrams (each required), a single character as itself. Each term is
     * escaped, so that no text is read as Lucene's query syntax.
     */
    static String query(String text) {
        List<QueryWord> terms = terms(text);
        StringBuilder q = new StringBuilder();
        boolean open = !text.isEmpty() && !Character.isWhitespace(text.charAt(text.length() - 1));
        for (int i = 0; i < terms.size(); i++) {
            if (q.length() > 0) q.append(' ');
            q.append('+').append(QueryParserBase.escape(terms.get(i).text()));
            if (i == terms.size() - 1 && open && terms.get(i).latin()) q.append('*');
        }
        return q.toString();
    }

    /** The Lucene query of {@link #nearest}: any word, a Latin word of three letters or more with up to two edits. */
    static String fuzzyQuery(String text) {
        StringBuilder q = new StringBuilder();
        for (QueryWord t : terms(text)) {
            if (q.length() > 0) q.append(' ');
            q.append(QueryParserBase.escape(t.text())).append(t.latin() && t.text().length() > 2 ? "~" : "");
        }
        return q.toString();
    }

    /** A word of a query as the index's analyser reads it, and whether it is Latin letters or digits. */
    private record QueryWord(String text, boolean latin) {}

    private static List<QueryWord> terms(String text) {
        List<QueryWord> terms = new ArrayList<>();
        try (TokenStream ts = new Words(false).tokenStream(FIELD, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(new QueryWord(term.toString(), type.type().equals("<ALPHANUM>") || type.type().equals("<NUM>")));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    @Override
    public void close() {
        index.close();
    }

    /** Removes the index written at {@code dir}, if there is one (its content is out of date). */
    public static void remove(Path dir) {
        try {
            delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the search index at " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /**
     * Words for the index: Latin words lower-cased; Chinese (and Japanese, Korean) runs as
     * overlapping pairs of characters, and when indexing also as single characters, so that any run
     * of one or more characters is found.
     */
    private static final class Words extends Analyzer {
        private final boolean singles;

        Words(boolean singles) {
            this.singles = singles;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream ts = new CJKWidthFilter(source);
            ts = new LowerCaseFilter(ts);
            ts = new CJKBigramFilter(ts, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, singles);
            return new TokenStreamComponents(source, ts);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(new CJKWidthFilter(in));
        }
    }
}
