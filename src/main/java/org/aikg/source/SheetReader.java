package org.aikg.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.aikg.DataException.Location;
import org.aikg.DataException;
import org.aikg.source.FactSheet.Article;
import org.aikg.source.FactSheet.Claim;
import org.aikg.source.FactSheet.Concept;
import org.aikg.source.FactSheet.Date;
import org.aikg.source.FactSheet.Entity;
import org.aikg.source.FactSheet.Evidence;
import org.aikg.source.FactSheet.Iri;
import org.aikg.source.FactSheet.Property;
import org.aikg.source.FactSheet.Ref;
import org.aikg.source.FactSheet.Scheme;
import org.aikg.source.FactSheet.Statistic;
import org.aikg.source.FactSheet.Text;
import org.aikg.source.FactSheet.Variable;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;

/** Reads one fact sheet into records, checking every value and every reference as it goes. */
final class SheetReader {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Map<String, String> LANGUAGES = Map.of("en", "en", "zh", "zh-Hans");

    private enum Kind { ENTITY, VARIABLE, STATISTIC, CLAIM, SCHEME, CONCEPT }

    private record Defined(Kind kind, EntityType type, Location at) {}

    private final Path file;
    private final Path root;
    private final Map<String, Defined> ids = new HashMap<>();
    private final List<Runnable> referenceChecks = new ArrayList<>();

    /** Reads {@code file}, whose text must lie inside {@code root} (a real path: links resolved). */
    SheetReader(Path file, Path root) {
        this.file = file;
        this.root = root;
    }

    FactSheet read() {
        YamlNode root = YamlNode.parse(file).named("the fact sheet");
        Map<String, YamlNode> top = root.mapping(keys("source", "entities", "variables", "statistics", "claims", "schemes"));
        YamlNode sourceNode = required(root, top, "source");
        Article article = article(sourceNode);
        String text = readText(article);
        List<Entity> entities = new ArrayList<>();
        for (YamlNode n : items(top, "entities")) entities.add(entity(n));
        List<Variable> variables = new ArrayList<>();
        for (YamlNode n : items(top, "variables")) variables.add(variable(n));
        List<Statistic> statistics = new ArrayList<>();
        for (YamlNode n : items(top, "statistics")) statistics.add(statistic(n));
        List<Claim> claims = new ArrayList<>();
        for (YamlNode n : items(top, "claims")) claims.add(claim(n));
        List<Scheme> schemes = new ArrayList<>();
        for (YamlNode n : items(top, "schemes")) schemes.add(scheme(n));
        referenceChecks.forEach(Runnable::run);
        return new FactSheet(file, article, text, entities, variables, statistics, claims, schemes);
    }

    /**
     * Reads the sheet's text: a regular file inside the data folder, links resolved. Where it is
     * not, the message names the file as the sheet wrote it and shows nothing of what is there.
     */
    private String readText(Article article) {
        Location at = article.textAt();
        String named = "\"" + article.textFile() + "\"";
        String outside = "the text file " + named + " is outside the data folder (a text must be a regular file inside the folder of the "
                + "data, links resolved)";
        Path shown = file.getParent() == null ? article.textFile() : file.getParent().resolve(article.textFile()).normalize();
        Path lexical = real(file).getParent().resolve(article.textFile()).normalize();
        if (!lexical.startsWith(root)) throw new DataException(at, outside);
        if (!Files.exists(lexical)) {
            throw new DataException(at, "the text file \"" + shown + "\" does not exist (the path is relative to the sheet's folder)");
        }
        BasicFileAttributes a;
        Path real;
        try {
            real = lexical.toRealPath();
            if (!real.startsWith(root)) throw new DataException(at, outside);
            a = Files.readAttributes(real, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new DataException(at, "cannot read the text file " + named + ": " + e.getMessage());
        }
        if (a.isDirectory()) throw new DataException(at, "the text file " + named + " is a folder (expected a regular file)");
        if (!a.isRegularFile()) {
            throw new DataException(at, "the text file " + named + " is not a regular file but a device, FIFO or socket (expected a regular file)");
        }
        return YamlNode.readUtf8(real, shown, Limits.MAX_TEXT_BYTES, "a text");
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private Article article(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(keys("id", "text", "headline", "datePublished", "inLanguage",
                "publisher", "isBasedOn", "about"));
        String id = slug(required(node, m, "id"));
        if (id.equals("dataset")) throw m.get("id").error("the source id \"dataset\" is reserved for the dataset's own graph");
        YamlNode textNode = required(node, m, "text");
        Path textFile;
        try {
            textFile = Path.of(textNode.text());
        } catch (InvalidPathException e) {
            throw textNode.error("bad file name \"" + textNode.text() + "\": " + e.getReason());
        }
        List<Text> headline = texts(required(node, m, "headline"), true);
        String date = date(required(node, m, "datePublished")).lexical();
        if (date.length() != 10) throw m.get("datePublished").error("datePublished must be a full date (YYYY-MM-DD), not \"" + date + "\"");
        YamlNode langNode = required(node, m, "inLanguage");
        String lang = LANGUAGES.get(langNode.text());
        if (lang == null) throw langNode.error("unknown language \"" + langNode.text() + "\" (expected one of " + String.join(", ", LANGUAGES.keySet()) + ")");
        Ref publisher = ref(required(node, m, "publisher"), Kind.ENTITY, true);
        Ref basedOn = m.containsKey("isBasedOn") ? ref(m.get("isBasedOn"), Kind.ENTITY, false) : null;
        List<Ref> about = refs(m.get("about"), Kind.ENTITY);
        return new Article(id, textFile, textNode.at(), headline, date, lang, publisher, basedOn, about, node.at());
    }

    private Entity entity(YamlNode node) {
        Set<String> allowed = keys("id", "type", "evidence");
        for (EntityKey k : EntityKey.values()) allowed.add(k.name());
        Map<String, YamlNode> m = node.mapping(allowed);
        YamlNode idNode = required(node, m, "id");
        String id = slug(idNode);
        YamlNode typeNode = required(node, m, "type");
        EntityType type;
        try {
            type = EntityType.valueOf(typeNode.text());
        } catch (IllegalArgumentException e) {
            throw typeNode.error("unknown entity type \"" + typeNode.text() + "\" (expected one of " + names(EntityType.values()) + ")");
        }
        define(idNode, id, Kind.ENTITY, type);
        if (!m.containsKey("name")) throw node.error("missing required field \"name\" in entity \"" + id + "\"");
        List<Property> props = new ArrayList<>();
        for (EntityKey key : EntityKey.values()) {
            YamlNode v = m.get(key.name());
            if (v == null) continue;
            switch (key.kind()) {
                case TEXT -> texts(v, key == EntityKey.name).forEach(t -> props.add(new Property(key, t)));
                case DATE -> props.add(new Property(key, date(v)));
                case REF -> refs(v, Kind.ENTITY).forEach(r -> props.add(new Property(key, r)));
                case IRI -> v.list().forEach(i -> props.add(new Property(key, iri(i))));
            }
            if (key == EntityKey.author) refs(v, Kind.ENTITY).forEach(this::agent);
        }
        return new Entity(id, type, typeNode.at(), props, evidence(m.get("evidence")), node.at());
    }

    private Variable variable(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(keys("id", "name", "changeOf"));
        YamlNode idNode = required(node, m, "id");
        String id = slug(idNode);
        define(idNode, id, Kind.VARIABLE, null);
        List<Text> names = bilingual(required(node, m, "name"), "variable \"" + id + "\"");
        Ref changeOf = m.containsKey("changeOf") ? ref(m.get("changeOf"), Kind.VARIABLE, false) : null;
        return new Variable(id, names, changeOf, node.at());
    }

    private Statistic statistic(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(keys("id", "variable", "about", "date", "stated", "unit", "qualifier",
                "changeOf", "note", "evidence"));
        YamlNode idNode = required(node, m, "id");
        String id = slug(idNode);
        define(idNode, id, Kind.STATISTIC, null);
        Ref variable = ref(required(node, m, "variable"), Kind.VARIABLE, true);
        Ref about = ref(required(node, m, "about"), Kind.ENTITY, true);
        Date date = m.containsKey("date") ? date(m.get("date")) : null;
        YamlNode unitNode = required(node, m, "unit");
        Unit unit;
        try {
            unit = Unit.valueOf(unitNode.text());
        } catch (IllegalArgumentException e) {
            throw unitNode.error("unknown unit \"" + unitNode.text() + "\" (expected one of " + names(Unit.values()) + ")");
        }
        YamlNode statedNode = required(node, m, "stated");
        String stated = statedNode.text();
        FactSheet.Amount amount;
        try {
            amount = Amounts.parse(stated, unit);
        } catch (IllegalArgumentException e) {
            throw statedNode.error(e.getMessage());
        }
        if (m.containsKey("qualifier")) {
            YamlNode qn = m.get("qualifier");
            Qualifier q;
            try {
                q = Qualifier.valueOf(qn.text());
            } catch (IllegalArgumentException e) {
                throw qn.error("unknown qualifier \"" + qn.text() + "\" (expected one of " + names(Qualifier.values()) + ")");
            }
            if (amount.qualifier() != Qualifier.Exact && amount.qualifier() != q) {
                throw qn.error("qualifier " + q + " contradicts the wording \"" + stated + "\", which reads as " + amount.qualifier());
            }
            amount = new FactSheet.Amount(q, amount.value());
        }
        Ref changeOf = m.containsKey("changeOf") ? ref(m.get("changeOf"), Kind.STATISTIC, false) : null;
        List<Text> notes = m.containsKey("note") ? texts(m.get("note"), false) : List.of();
        YamlNode evNode = required(node, m, "evidence");
        Evidence evidence = evidence(evNode);
        if (!evidence.quote().contains(stated)) {
            throw statedNode.error("the stated value \"" + stated + "\" is not in its evidence quote (line " + evidence.at().line()
                    + "); quote the sentence that states it");
        }
        return new Statistic(id, variable, about, date, stated, amount, unit, changeOf, notes, evidence, node.at());
    }

    private Claim claim(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(keys("id", "author", "text", "about", "evidence"));
        YamlNode idNode = required(node, m, "id");
        String id = slug(idNode);
        define(idNode, id, Kind.CLAIM, null);
        Ref author = ref(required(node, m, "author"), Kind.ENTITY, true);
        agent(author);
        List<Text> text = texts(required(node, m, "text"), true);
        return new Claim(id, author, text, refs(m.get("about"), Kind.ENTITY), evidence(required(node, m, "evidence")), node.at());
    }

    private Scheme scheme(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(keys("id", "label", "evidence", "concepts"));
        YamlNode idNode = required(node, m, "id");
        String id = slug(idNode);
        define(idNode, id, Kind.SCHEME, null);
        List<Text> labels = bilingual(required(node, m, "label"), "scheme \"" + id + "\"");
        List<Concept> concepts = new ArrayList<>();
        for (YamlNode c : required(node, m, "concepts").sequence()) {
            Map<String, YamlNode> cm = c.mapping(keys("id", "label"));
            YamlNode cid = required(c, cm, "id");
            define(cid, slug(cid), Kind.CONCEPT, null);
            concepts.add(new Concept(slug(cid), bilingual(required(c, cm, "label"), "concept \"" + slug(cid) + "\""), c.at()));
        }
        if (concepts.isEmpty()) throw node.error("scheme \"" + id + "\" lists no concepts");
        return new Scheme(id, labels, concepts, evidence(m.get("evidence")), node.at());
    }

    private Evidence evidence(YamlNode node) {
        if (node == null || node.isNull()) return null;
        YamlNode quote = node;
        String prefix = null;
        String suffix = null;
        if (node.isMapping()) {
            Map<String, YamlNode> m = node.mapping(keys("quote", "prefix", "suffix"));
            prefix = m.containsKey("prefix") ? m.get("prefix").text() : null;
            suffix = m.containsKey("suffix") ? m.get("suffix").text() : null;
            quote = required(node, m, "quote");
        }
        if (quote.text().isBlank()) throw quote.error("the evidence quote is empty (expected a sentence copied from the text)");
        if (Chars.invisible(quote.text())) {
            throw quote.error("the evidence quote is only invisible characters (" + Chars.codes(quote.text()) + "; expected a sentence copied from the text)");
        }
        return new Evidence(quote.text(), prefix, suffix, quote.at());
    }

    /** One text per language, English and Chinese: the shapes ask both of variables, schemes and concepts. */
    private static List<Text> bilingual(YamlNode node, String what) {
        List<Text> texts = texts(node, true);
        if (texts.stream().noneMatch(t -> t.lang().equals(LANGUAGES.get("zh")))) {
            throw node.error(node.name() + " of " + what + " needs a Chinese (zh) value as well as the English one");
        }
        return texts;
    }

    /** Texts by language: {@code {en: ..., zh: ...}}; a value may be a list unless {@code single}. */
    static List<Text> texts(YamlNode node, boolean single) {
        Map<String, YamlNode> m = node.mapping(LANGUAGES.keySet().stream().sorted().collect(
                Collectors.toCollection(LinkedHashSet::new)));
        if (m.isEmpty()) throw node.error(node.name() + " has no text (expected en and/or zh)");
        if (single && !m.containsKey("en")) throw node.error(node.name() + " needs an English (en) value");
        List<Text> out = new ArrayList<>();
        for (Map.Entry<String, YamlNode> e : m.entrySet()) {
            if (e.getValue().isNull()) throw e.getValue().error(node.name() + " has no " + e.getKey() + " value (expected a text, or leave out " + e.getKey() + ")");
            List<YamlNode> values = e.getValue().list();
            if (single && values.size() > 1) throw e.getValue().error(node.name() + " takes one " + e.getKey() + " value, not a list");
            for (YamlNode v : values) {
                String s = v.text().strip();
                if (s.isEmpty()) throw v.error(node.name() + " has an empty " + e.getKey() + " value (expected a text, or leave out " + e.getKey() + ")");
                if (Chars.invisible(s)) {
                    throw v.error(node.name() + " has only invisible characters in its " + e.getKey() + " value (" + Chars.codes(s)
                            + "; expected a text a reader can see)");
                }
                out.add(new Text(s, LANGUAGES.get(e.getKey()), v.at()));
            }
        }
        return out;
    }

    /**
     * A date as XSD writes it and Jena reads it, and so as the shapes check it: {@code YYYY}
     * (xsd:gYear), {@code YYYY-MM} (xsd:gYearMonth) or {@code YYYY-MM-DD} (xsd:date), four-digit years,
     * no sign and no time zone.
     */
    private static Date date(YamlNode node) {
        String s = node.text();
        Matcher m = DATE.matcher(s);
        RDFDatatype type = !m.matches() ? null : m.group(2) != null ? XSDDatatype.XSDdate : m.group(1) != null ? XSDDatatype.XSDgYearMonth : XSDDatatype.XSDgYear;
        if (type == null || !type.isValid(s)) throw node.error("bad date \"" + s + "\" (expected YYYY, YYYY-MM or YYYY-MM-DD)");
        return new Date(s, node.at());
    }

    private Iri iri(YamlNode node) {
        String s = node.text();
        String problem = IriCheck.problem(s, IriCheck.WEB_OR_URN);
        if (problem != null) throw node.error("bad IRI " + Chars.show(s) + " in " + node.name() + ": " + problem);
        return new Iri(s, node.at());
    }

    static String slug(YamlNode node) {
        String s = node.text();
        if (s.length() > Limits.MAX_ID_CHARS) {
            throw node.error("id of " + s.length() + " characters (at most " + Limits.MAX_ID_CHARS + ": the server answers no path longer than "
                    + Limits.MAX_PATH_CHARS + " characters, and an id is minted into paths such as /doc/passage/{id}-{start}-{end} with a format suffix)");
        }
        if (!SLUG.matcher(s).matches()) {
            throw node.error("bad id \"" + s + "\" (expected lowercase ASCII letters and digits joined by hyphens, such as \"liu-gang-cingai\")");
        }
        return s;
    }

    private void define(YamlNode node, String id, Kind kind, EntityType type) {
        Defined before = ids.putIfAbsent(id, new Defined(kind, type, node.at()));
        if (before != null) throw node.error("duplicate id \"" + id + "\" (first defined at line " + before.at().line() + ")");
    }

    private Ref ref(YamlNode node, Kind kind, boolean required) {
        String id = node.text();
        Ref ref = new Ref(id, node.at());
        referenceChecks.add(() -> {
            Defined d = ids.get(id);
            if (d == null || d.kind() != kind) {
                List<String> known = ids.entrySet().stream().filter(e -> e.getValue().kind() == kind).map(Map.Entry::getKey).sorted().toList();
                String what = kind.name().toLowerCase(Locale.ROOT);
                throw new DataException(node.at(), (d == null ? "undefined " : "\"" + id + "\" is a " + d.kind().name().toLowerCase(Locale.ROOT) + ", not a ")
                        + what + (d == null ? " \"" + id + "\"" : "") + " (defined " + what + " ids: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
            }
        });
        return ref;
    }

    private List<Ref> refs(YamlNode node, Kind kind) {
        if (node == null) return List.of();
        return node.list().stream().map(n -> ref(n, kind, true)).toList();
    }

    private void agent(Ref ref) {
        referenceChecks.add(() -> {
            Defined d = ids.get(ref.id());
            if (d != null && d.type() != null && !d.type().isAgent()) {
                throw new DataException(ref.at(), "\"" + ref.id() + "\" is a " + d.type() + ", but an author must be a person or an organization");
            }
        });
    }

    private YamlNode required(YamlNode parent, Map<String, YamlNode> m, String key) {
        YamlNode v = m.get(key);
        if (v == null) throw parent.error("missing required field \"" + key + "\" in " + parent.name());
        if (v.isNull()) throw v.error("\"" + key + "\" has no value");
        return v;
    }

    private static List<YamlNode> items(Map<String, YamlNode> top, String key) {
        YamlNode n = top.get(key);
        return n == null ? List.of() : n.sequence();
    }

    private static Set<String> keys(String... keys) {
        return new LinkedHashSet<>(List.of(keys));
    }

    private static String names(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(Enum::name).toList());
    }
}
