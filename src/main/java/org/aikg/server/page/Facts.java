package org.aikg.server.page;

import static org.aikg.vocab.Vocab.*;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.util.Optional;
import org.aikg.server.page.Views.Link;
import org.aikg.server.page.Views.Said;
import org.aikg.server.page.Views.Stat;
import org.aikg.server.site.Dates;
import org.aikg.server.site.Labels;
import org.aikg.server.site.Numbers;
import org.aikg.server.site.Site;
import org.aikg.server.site.Words;
import org.aikg.vocab.AIKG;
import org.apache.jena.graph.Node;

/**
 * Facts as the pages show them in a line: a statistic's figure in the reader's language
 * ("578.4 billion CNY", "5784亿元"), a statistic in a list (its variable, figure and period), a claim
 * in a list (who made it, what it says).
 */
final class Facts {
    /** The most figures kept per language, the least used going first. */
    private static final int KEPT = 200_000;

    private final Site site;
    private final Statistics statistics;
    private final Links links;
    /**
     * The figures of statistics as written in each language, kept once written, like labels: a statistic's
     * figure is shown on its page, in the charts of its neighbours and beside every other fact of its source.
     */
    private final Cache<Node, Optional<String>> figuresEn = Caffeine.newBuilder().maximumSize(KEPT).build();
    private final Cache<Node, Optional<String>> figuresZh = Caffeine.newBuilder().maximumSize(KEPT).build();

    Facts(Site site, Statistics statistics, Links links) {
        this.site = site;
        this.statistics = statistics;
        this.links = links;
    }

    /** The figure of an observation in the reader's language. */
    String figure(Node obs, String lang) {
        return figure(new Reads(site.data), obs, lang);
    }

    String figure(Reads reads, Node obs, String lang) {
        Statistics.Statistic s = statistics.of(obs);
        if (s != null) {
            Cache<Node, Optional<String>> kept = lang.startsWith("zh") ? figuresZh : figuresEn;
            return kept.get(obs, o -> Optional.ofNullable(figure(s.value() != null ? s.value() : s.minValue() != null ? s.minValue() : s.maxValue(),
                    s.unit(), s.qualifier(), lang))).orElse(null);
        }
        Node v = reads.one(obs, SCHEMA_value);
        if (v == null) v = reads.one(obs, SCHEMA_minValue);
        if (v == null) v = reads.one(obs, SCHEMA_maxValue);
        return figure(v, reads.one(obs, SCHEMA_unitCode), reads.one(obs, AIKG.valueQualifier), lang);
    }

    private static String figure(Node v, Node unit, Node q, String lang) {
        if (v == null || !v.isLiteral()) return null;
        BigDecimal amount;
        try {
            amount = new BigDecimal(v.getLiteralLexicalForm());
        } catch (NumberFormatException e) {
            return v.getLiteralLexicalForm();
        }
        return Numbers.format(amount, unit == null ? null : unit.getURI(), q == null ? null : q.getURI(), lang);
    }

    /** A statistic in a list: its variable, its figure, its period (or that the source gives none). */
    Stat stat(Node o, String lang, boolean explicit) {
        return stat(new Reads(site.data), o, lang, explicit);
    }

    Stat stat(Reads reads, Node o, String lang, boolean explicit) {
        Statistics.Statistic s = statistics.of(o);
        Node variable = s != null ? s.variable() : reads.one(o, SCHEMA_variableMeasured);
        Link l = links.link(o, lang, explicit);
        Node date = s != null ? s.date() : reads.one(o, SCHEMA_observationDate);
        return new Stat(new Link(variable == null ? l.text() : site.labels().label(variable, lang), l.href(), l.title()), figure(reads, o, lang),
                date == null ? Words.of(lang).noPeriod() : Dates.format(date, lang));
    }

    /** A claim in a list: who made it and all it says, in the language it is said in. */
    Said claim(Node c, String lang, boolean explicit) {
        return claim(new Reads(site.data), c, lang, explicit);
    }

    Said claim(Reads reads, Node c, String lang, boolean explicit) {
        Node text = Labels.pick(reads.all(c, SCHEMA_text), lang);
        Node author = reads.one(c, SCHEMA_author);
        Link l = links.link(c, lang, explicit);
        return new Said(l.href(), author == null ? null : site.labels().label(author, lang), text == null ? l.text() : text.getLiteralLexicalForm(),
                site.labels().foreignLanguage(c, lang));
    }
}
