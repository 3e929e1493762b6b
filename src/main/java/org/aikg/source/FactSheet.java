package org.aikg.source;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.aikg.DataException.Location;

/**
 * One source document's facts, as its fact sheet states them, with the document's text. Every part
 * is an immutable record that remembers where in the sheet it was written ({@link Location}), so
 * that a later check (a quote not in the text, say) can point at the line.
 *
 * <pre>{@code
 * FactSheet sheet = sources.read(path);
 * for (FactSheet.Statistic s : sheet.statistics()) System.out.println(s.id() + " " + s.amount());
 * }</pre>
 */
public record FactSheet(Path file, Article article, String text, List<Entity> entities, List<Variable> variables,
        List<Statistic> statistics, List<Claim> claims, List<Scheme> schemes) {

    public FactSheet {
        requireNonNull(file, "file");
        requireNonNull(article, "article");
        requireNonNull(text, "text");
        entities = List.copyOf(entities);
        variables = List.copyOf(variables);
        statistics = List.copyOf(statistics);
        claims = List.copyOf(claims);
        schemes = List.copyOf(schemes);
    }

    /** A text in one language; {@code lang} is a BCP 47 tag ("en", "zh-Hans"); {@code at} is where it is written (null when made in code). */
    public record Text(String value, String lang, Location at) implements Value {
        public Text {
            requireNonNull(value, "value");
            requireNonNull(lang, "lang");
            if (Chars.invisible(value)) throw new IllegalArgumentException("a text cannot be empty or only invisible characters" + (at == null ? "" : " (" + at + ")"));
        }

        public Text(String value, String lang) {
            this(value, lang, null);
        }
    }

    /** A reference, by id, to something defined in the same sheet. */
    public record Ref(String id, Location at) implements Value {
        public Ref {
            requireNonNull(id, "id");
        }
    }

    /** A quote from the source text that supports a fact; prefix/suffix only tell repeated quotes apart. */
    public record Evidence(String quote, String prefix, String suffix, Location at) {
        public Evidence {
            requireNonNull(quote, "quote");
            if (Chars.invisible(quote)) throw new IllegalArgumentException("an evidence quote cannot be empty or only invisible characters");
        }
    }

    /** The source document itself; its id names the article and the source's graph. */
    public record Article(String id, Path textFile, Location textAt, List<Text> headline, String datePublished, String inLanguage,
            Ref publisher, Ref isBasedOn, List<Ref> about, Location at) {
        public Article {
            requireNonNull(id, "id");
            requireNonNull(textFile, "textFile");
            headline = List.copyOf(headline);
            requireNonNull(datePublished, "datePublished");
            requireNonNull(inLanguage, "inLanguage");
            requireNonNull(publisher, "publisher");
            about = List.copyOf(about);
        }
    }

    /** A thing the source talks about: an event, a report, an organisation, a person, a place; {@code typeAt} is where its type is written. */
    public record Entity(String id, EntityType type, Location typeAt, List<Property> properties, Evidence evidence, Location at) {
        public Entity {
            requireNonNull(id, "id");
            requireNonNull(type, "type");
            properties = List.copyOf(properties);
        }
    }

    /** One property of an entity: a key of the sheet and its value. */
    public record Property(EntityKey key, Value value) {
        public Property {
            requireNonNull(key, "key");
            requireNonNull(value, "value");
        }
    }

    /** The value of an entity property. */
    public sealed interface Value permits Text, Ref, Date, Iri {}

    /** An xsd:date ("2024-06-20"), xsd:gYearMonth ("2024-06") or xsd:gYear ("2023"), checked. */
    public record Date(String lexical, Location at) implements Value {
        public Date {
            requireNonNull(lexical, "lexical");
        }
    }

    /** An absolute IRI, such as a Wikidata entity. */
    public record Iri(String iri, Location at) implements Value {
        public Iri {
            requireNonNull(iri, "iri");
            String problem = IriCheck.problem(iri, IriCheck.WEB_OR_URN);
            if (problem != null) throw new IllegalArgumentException("bad IRI " + Chars.show(iri) + ": " + problem);
        }
    }

    /** What a statistic measures, with its names. */
    public record Variable(String id, List<Text> names, Ref changeOf, Location at) {
        public Variable {
            requireNonNull(id, "id");
            names = List.copyOf(names);
        }
    }

    /** A figure as the source states it, with the amount read from the wording. */
    public record Statistic(String id, Ref variable, Ref about, Date date, String stated, Amount amount, Unit unit,
            Ref changeOf, List<Text> notes, Evidence evidence, Location at) {
        public Statistic {
            requireNonNull(id, "id");
            requireNonNull(variable, "variable");
            requireNonNull(about, "about");
            requireNonNull(stated, "stated");
            requireNonNull(amount, "amount");
            requireNonNull(unit, "unit");
            notes = List.copyOf(notes);
            requireNonNull(evidence, "evidence");
        }
    }

    /** An amount read exactly from words such as "about 1.44 trillion": a qualifier and a number. */
    public record Amount(Qualifier qualifier, BigDecimal value) {
        public Amount {
            requireNonNull(qualifier, "qualifier");
            requireNonNull(value, "value");
        }

        /** The lexical form of the amount as an xsd:decimal: plain digits, always with a fraction ("4000.0"). */
        public String lexical() {
            String plain = value.stripTrailingZeros().toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
    }

    /** Something a person or organisation said, as the source reports it. */
    public record Claim(String id, Ref author, List<Text> text, List<Ref> about, Evidence evidence, Location at) {
        public Claim {
            requireNonNull(id, "id");
            requireNonNull(author, "author");
            text = List.copyOf(text);
            about = List.copyOf(about);
            requireNonNull(evidence, "evidence");
        }
    }

    /** A list of concepts the source names, such as the parts of a technology system. */
    public record Scheme(String id, List<Text> labels, List<Concept> concepts, Evidence evidence, Location at) {
        public Scheme {
            requireNonNull(id, "id");
            labels = List.copyOf(labels);
            concepts = List.copyOf(concepts);
        }
    }

    /** One concept of a scheme. */
    public record Concept(String id, List<Text> labels, Location at) {
        public Concept {
            requireNonNull(id, "id");
            labels = List.copyOf(labels);
        }
    }
}
