package org.aikg.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aikg.DataException.Location;
import org.aikg.DataException;
import org.aikg.source.Chars;
import org.aikg.source.DatasetInfo;
import org.aikg.source.EntityKey;
import org.aikg.source.FactSheet.Concept;
import org.aikg.source.FactSheet.Entity;
import org.aikg.source.FactSheet.Property;
import org.aikg.source.FactSheet.Scheme;
import org.aikg.source.FactSheet.Text;
import org.aikg.source.FactSheet.Variable;
import org.aikg.source.FactSheet;

/**
 * What sheets say about things other sheets may name too, checked sheet by sheet in order, so
 * that the union of the graphs conforms to the shapes as each sheet's graph does. An id names one
 * thing in every sheet: an entity has one type, and a thing one name (label) per language; a
 * variable is the change of one variable, a concept in one scheme. A statistic or a claim is what
 * one source says: its id is defined in one sheet only. A conflict names both places.
 */
final class SharedFacts {
    /** One thing a sheet says: the thing {@code key} names is {@code value}, written {@code at}. */
    record Said(String key, String value, Location at, boolean once) {
        /** The thing in words, made from the key: "the English name of entity \"china\"". */
        String what() {
            String[] k = key.split(" ");
            if (k.length == 2) return k[0] + " \"" + k[1] + "\"";  // statistic, claim
            String thing = k[0] + " \"" + k[1] + "\"";
            return switch (k[2]) {
                case "type" -> "the type of " + thing;
                case "changeOf" -> "the variable that " + thing + " is the change of";
                case "scheme" -> "the scheme of " + thing;
                default -> {
                    int at = k[2].indexOf('@');
                    String lang = k[2].substring(at + 1);
                    String language = lang.startsWith("zh") ? "Chinese" : lang.equals("en") ? "English" : lang;
                    yield "the " + language + " " + k[2].substring(0, at) + " of " + thing;
                }
            };
        }
    }

    private final Map<String, Said> first;

    /**
     * Starts with what the dataset descriptor says: the names of its publisher; room for {@code
     * expected} things said (what the cache says the last run's sheets said), so the table is not
     * grown again and again.
     */
    SharedFacts(DatasetInfo dataset, int expected) {
        first = new HashMap<>(Math.max(16, (int) Math.min(1 << 28, expected * 4L / 3 + 1)));
        List<Said> said = new ArrayList<>();
        names(said, "entity", dataset.publisherId(), "name", dataset.publisherName());
        add(said);
    }

    /** What {@code sheet} says that another sheet could say too. */
    static List<Said> of(FactSheet sheet) {
        List<Said> said = new ArrayList<>();
        for (Entity e : sheet.entities()) {
            said.add(new Said("entity " + e.id() + " type", e.type().name(), e.typeAt(), false));
            List<Text> names = e.properties().stream().filter(p -> p.key() == EntityKey.name).map(Property::value).map(Text.class::cast).toList();
            names(said, "entity", e.id(), "name", names);
        }
        for (Variable v : sheet.variables()) {
            names(said, "variable", v.id(), "name", v.names());
            if (v.changeOf() != null) {
                said.add(new Said("variable " + v.id() + " changeOf", "\"" + v.changeOf().id() + "\"", v.changeOf().at(), false));
            }
        }
        for (Scheme s : sheet.schemes()) {
            names(said, "scheme", s.id(), "label", s.labels());
            for (Concept c : s.concepts()) {
                names(said, "concept", c.id(), "label", c.labels());
                said.add(new Said("concept " + c.id() + " scheme", "\"" + s.id() + "\"", c.at(), false));
            }
        }
        sheet.statistics().forEach(s -> said.add(new Said("statistic " + s.id(), "", s.at(), true)));
        sheet.claims().forEach(c -> said.add(new Said("claim " + c.id(), "", c.at(), true)));
        return said;
    }

    private static void names(List<Said> said, String kind, String id, String property, List<Text> texts) {
        for (Text t : texts) said.add(new Said(kind + " " + id + " " + property + "@" + t.lang(), Chars.show(t.value()), t.at(), false));
    }

    /** Throws {@link DataException} at the first thing {@code said} contradicts, naming where it was said before. */
    void check(List<Said> said) {
        for (Said s : said) {
            Said before = first.get(s.key());
            if (before == null) continue;
            if (s.once()) {
                throw new DataException(s.at(), s.what() + " is also defined in " + where(before) + " (a statistic or a claim is what one source "
                        + "says: give each its own id)");
            }
            if (!before.value().equals(s.value())) {
                throw new DataException(s.at(), s.what() + " is " + s.value() + " here (" + where(before) + " says " + before.value()
                        + "; an id names the same thing in every sheet)");
            }
        }
    }

    private static String where(Said s) {
        return s.at() == null ? "another sheet" : s.at().toString();
    }

    /** Records what a sheet that passed {@link #check} says. */
    void add(List<Said> said) {
        said.forEach(s -> first.putIfAbsent(s.key(), s));
    }
}
