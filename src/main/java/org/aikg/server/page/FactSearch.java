package org.aikg.server.page;

import static org.aikg.vocab.Vocab.*;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aikg.search.SearchIndex;
import org.aikg.server.page.Views.Link;
import org.aikg.server.site.Dates;
import org.aikg.server.site.Once;
import org.aikg.server.site.Site;
import org.aikg.vocab.AIKG;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * Search over the facts: statistics and claims found by every word of a query, in English or Chinese,
 * in what a reader may remember of them — the variable's names, the figure as the source wrote it
 * ({@code aikg:statedAs}) and as the pages write it in either language ("578.4 billion CNY", "5784亿元"), the
 * period, the claim's text, the author, and the sentence each was read from. A number also matches as a
 * value: "578.4", "578.4 billion" and "5784亿" all find the statistic of 578,400,000,000. A word also
 * matches its synonyms: those the data gives (a thing's {@code schema:alternateName} and its names) and
 * the few of {@link #SYNONYMS}.
 *
 * <pre>{@code
 * FactSearch.Found f = facts.find("5784亿", "zh", false, 50);
 * f.statistics();   // [core AI industry scale: 5784亿元 · 2023 · ...]
 * }</pre>
 */
public final class FactSearch {
    /**
     * Synonyms no data states: abbreviations a reader types for what the sources write in full. Each key
     * (lower case) also matches each of its values, and each value its key.
     */
    static final Map<String, List<String>> SYNONYMS = Map.of(
            "ai", List.of("artificial intelligence", "人工智能"),
            "genai", List.of("generative ai", "generative artificial intelligence", "生成式人工智能"),
            "gdp", List.of("gross domestic product", "国内生产总值"),
            "r&d", List.of("research and development", "研发"));

    /** Powers of ten a number may be written in: thousand, 万, million, 亿, billion, trillion. */
    private static final int[] SCALES = {0, 3, 4, 6, 8, 9, 12};
    private static final Pattern NUMBER = Pattern.compile("([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*(千|万|百万|亿|万亿|thousand|million|billion|trillion|k|m|bn)?",
            Pattern.CASE_INSENSITIVE);

    /** One fact found: its link (named as the reader reads it), its figure, period and source, and its kind. */
    public record Hit(Link fact, String figure, String period, String source, String matched) {}

    /** What a query found: statistics and claims, the words it tried (with their synonyms). */
    public record Found(List<Hit> statistics, List<Hit> claims, List<String> tried) {}

    /**
     * A fact as the search reads it: its own words (names, figures, period, text), the words of the sentences it was
     * read from, and its value if it is a statistic.
     */
    private record Entry(Node fact, boolean statistic, String own, String context, BigDecimal value, Node source) {}

    private final Site site;
    private final Statistics statistics;
    private final Facts facts;
    private final Links links;
    private final Classes classes;
    private final Once<List<Entry>> entries = new Once<>(this::collect);
    private final Once<Map<String, Set<String>>> synonyms = new Once<>(this::collectSynonyms);

    FactSearch(Site site, Classes classes, Statistics statistics, Facts facts, Links links) {
        this.site = site;
        this.classes = classes;
        this.statistics = statistics;
        this.facts = facts;
        this.links = links;
    }

    /** The statistics and claims that every word of {@code query} matches, at most {@code limit} of each. */
    public Found find(String query, String lang, boolean explicit, int limit) {
        List<Word> words = words(query);
        List<String> tried = new ArrayList<>();
        for (Word w : words) {
            Set<String> alts = synonymsOf(w.text());
            tried.add(alts.isEmpty() ? w.text() : w.text() + " (" + String.join(", ", alts) + ")");
        }
        if (words.isEmpty()) return new Found(List.of(), List.of(), tried);
        // the facts whose own words match come first, then those found by the sentence they were read from
        List<Entry> first = new ArrayList<>();
        List<Entry> then = new ArrayList<>();
        for (Entry e : entries.get()) {
            if (matches(e, words, false)) first.add(e);
            else if (matches(e, words, true)) then.add(e);
        }
        first.addAll(then);
        List<Hit> stats = new ArrayList<>();
        List<Hit> claims = new ArrayList<>();
        for (Entry e : first) {
            List<Hit> to = e.statistic() ? stats : claims;
            if (to.size() < limit) to.add(hit(e, lang, explicit));
        }
        return new Found(List.copyOf(stats), List.copyOf(claims), List.copyOf(tried));
    }

    private Hit hit(Entry e, String lang, boolean explicit) {
        // the source as a reader cites it: its publisher ("TapTechNews"), else its title
        String source = null;
        if (e.source() != null) {
            Node publisher = new Reads(site.data).one(e.source(), SCHEMA_publisher);
            source = site.labels().label(publisher != null ? publisher : e.source(), lang);
        }
        if (e.statistic()) {
            Views.Stat s = facts.stat(e.fact(), lang, explicit);
            return new Hit(s.observation(), s.figure(), s.date(), source, null);
        }
        Views.Said c = facts.claim(e.fact(), lang, explicit);
        Link l = links.link(e.fact(), lang, explicit);
        return new Hit(new Link(c.text(), l.href(), l.title()), null, c.author(), source, null);
    }

    /** A word of a query: its text (lower case, Unicode-normalised) and, for a number, its value. */
    private record Word(String text, BigDecimal number) {}

    /** The words of a query: numbers with their scale word ("578.4 billion", "5784亿") as one word, the rest split at spaces. */
    static List<Word> words(String query) {
        String q = Normalizer.normalize(query == null ? "" : query, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        if (q.length() > SearchIndex.MAX_QUERY) q = q.substring(0, SearchIndex.MAX_QUERY);
        List<Word> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(q);
        int at = 0;
        while (m.find()) {
            // a number inside a word ("h100", "2023年") is read as a number too: the year matches the period
            for (String w : q.substring(at, m.start()).split("[\\s,;]+")) if (!w.isBlank()) out.add(new Word(w, null));
            BigDecimal n = value(m.group(1), m.group(2));
            out.add(new Word(m.group(2) == null ? m.group(1) : m.group(), n));
            at = m.end();
        }
        for (String w : q.substring(at).split("[\\s,;]+")) if (!w.isBlank()) out.add(new Word(w, null));
        return out;
    }

    private static BigDecimal value(String digits, String scale) {
        BigDecimal n;
        try {
            n = new BigDecimal(digits.replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
        if (scale == null) return n;
        int p = switch (scale.toLowerCase(Locale.ROOT)) {
            case "千", "thousand", "k" -> 3;
            case "万" -> 4;
            case "百万", "million", "m" -> 6;
            case "亿" -> 8;
            case "billion", "bn" -> 9;
            case "万亿", "trillion" -> 12;
            default -> 0;
        };
        return n.scaleByPowerOfTen(p);
    }

    /**
     * Every word matches the fact: in its own words (a Latin word from the start of one), as a synonym, or a number
     * as its value; with {@code context}, a word that is not a number may also match in the sentences it was read from.
     */
    private boolean matches(Entry e, List<Word> words, boolean context) {
        for (Word w : words) {
            if (w.number() != null) {
                if (contains(e.own(), w.text()) || (e.value() != null && sameValue(e.value(), w.number()))) continue;
                return false;
            }
            if (found(e.own(), w.text()) || (context && found(e.context(), w.text()))) continue;
            return false;
        }
        return true;
    }

    /** The word, or one of its synonyms, in {@code text}. */
    private boolean found(String text, String word) {
        if (contains(text, word)) return true;
        for (String s : synonymsOf(word)) if (contains(text, s)) return true;
        return false;
    }

    /** Whether the value is the number, or the number written in thousands, 万, millions, 亿, billions or trillions. */
    static boolean sameValue(BigDecimal value, BigDecimal number) {
        for (int p : SCALES) {
            if (value.compareTo(number.scaleByPowerOfTen(p)) == 0) return true;
        }
        return false;
    }

    /** {@code word} in {@code text}: a Latin word or number must start a word there; Chinese may be anywhere. */
    static boolean contains(String text, String word) {
        int from = 0;
        while (true) {
            int i = text.indexOf(word, from);
            if (i < 0) return false;
            char first = word.charAt(0);
            boolean latin = first < 0x2E80;
            if (!latin || i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1))) return true;
            from = i + 1;
        }
    }

    private Set<String> synonymsOf(String word) {
        return synonyms.get().getOrDefault(word, Set.of());
    }

    /** The built-in synonyms, both ways, and each alternate name of a thing with its names, both ways. */
    private Map<String, Set<String>> collectSynonyms() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        SYNONYMS.forEach((k, vs) -> {
            for (String v : vs) {
                out.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v);
                out.computeIfAbsent(v, x -> new LinkedHashSet<>()).add(k);
            }
        });
        site.data.find(Node.ANY, SCHEMA_alternateName, Node.ANY).forEachRemaining(t -> {
            if (!t.getObject().isLiteral()) return;
            String alt = lower(t.getObject().getLiteralLexicalForm());
            site.data.find(t.getSubject(), SCHEMA_name, Node.ANY).forEachRemaining(n -> {
                if (!n.getObject().isLiteral()) return;
                String name = lower(n.getObject().getLiteralLexicalForm());
                if (name.equals(alt)) return;
                out.computeIfAbsent(alt, x -> new LinkedHashSet<>()).add(name);
                out.computeIfAbsent(name, x -> new LinkedHashSet<>()).add(alt);
            });
        });
        return out;
    }

    private static String lower(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Each statistic and claim with the words a reader may search it by. */
    private List<Entry> collect() {
        List<Entry> out = new ArrayList<>();
        Map<Node, Statistics.Statistic> all = statistics.all();
        List<Node> observations = new ArrayList<>(all.keySet());
        observations.sort(Comparator.comparing(Node::getURI));
        for (Node o : observations) {
            Statistics.Statistic s = all.get(o);
            StringBuilder b = new StringBuilder();
            if (s.variable() != null) {
                literals(b, s.variable(), SCHEMA_name);
                literals(b, s.variable(), SCHEMA_alternateName);
            }
            literals(b, o, AIKG.statedAs);
            for (String lang : List.of("en", "zh")) {
                String figure = facts.figure(o, lang);
                if (figure != null) b.append(' ').append(figure);
                if (s.date() != null) b.append(' ').append(Dates.format(s.date(), lang));
            }
            if (s.date() != null) b.append(' ').append(s.date().getLiteralLexicalForm());
            StringBuilder context = new StringBuilder();
            Node source = passages(context, s.passages());
            Node v = s.value() != null ? s.value() : s.minValue() != null ? s.minValue() : s.maxValue();
            out.add(new Entry(o, true, lower(b.toString()), lower(context.toString()), number(v), source));
        }
        List<Node> claims = new ArrayList<>(classes.of(SCHEMA_Claim));
        claims.sort(Comparator.comparing(Node::getURI));
        for (Node c : claims) {
            StringBuilder b = new StringBuilder();
            literals(b, c, SCHEMA_text);
            site.data.find(c, SCHEMA_author, Node.ANY).forEachRemaining(t -> {
                literals(b, t.getObject(), SCHEMA_name);
                literals(b, t.getObject(), SCHEMA_jobTitle);
            });
            List<Node> from = new ArrayList<>();
            site.data.find(c, PROV_wasDerivedFrom, Node.ANY).forEachRemaining(t -> from.add(t.getObject()));
            StringBuilder context = new StringBuilder();
            Node source = passages(context, from);
            out.add(new Entry(c, false, lower(b.toString()), lower(context.toString()), null, source));
        }
        return List.copyOf(out);
    }

    /** Appends the sentences of the passages; returns the source of the first. */
    private Node passages(StringBuilder b, List<Node> passages) {
        Reads reads = new Reads(site.data);
        Node source = null;
        for (Node p : passages) {
            for (Triple sel : reads.all(p, OA_hasSelector)) literals(b, sel.getObject(), OA_exact);
            if (source == null) source = reads.one(p, OA_hasSource);
        }
        return source;
    }

    private void literals(StringBuilder b, Node s, Node p) {
        site.data.find(s, p, Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isLiteral()) b.append(' ').append(t.getObject().getLiteralLexicalForm());
        });
    }

    private static BigDecimal number(Node v) {
        if (v == null || !v.isLiteral()) return null;
        try {
            return new BigDecimal(v.getLiteralLexicalForm());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
