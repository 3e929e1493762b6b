package org.aikg.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses a representation from an explicit list of offers by the request's {@code Accept}
 * header and its q-values: each offer takes the q of the most specific range that matches it; the
 * highest q wins, and a tie goes to the earlier offer (so list Turtle first to give it to
 * {@code *}{@code /*}, and HTML before RDF/XML).
 *
 * <pre>{@code
 * Optional<Offer> o = Negotiation.choose(req.getHeader("Accept"), OFFERS);
 * }</pre>
 */
final class Negotiation {
    /** A media type on offer and the name of the variant it stands for ("ttl", "html"). */
    record Offer(String mediaType, String variant) {}

    private record Range(String type, String subtype, double q) {
        int specificity() {
            return type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2;
        }

        boolean matches(String mediaType) {
            int slash = mediaType.indexOf('/');
            String t = mediaType.substring(0, slash);
            String s = mediaType.substring(slash + 1);
            return (type.equals("*") || type.equals(t)) && (subtype.equals("*") || subtype.equals(s));
        }
    }

    private Negotiation() {}

    static Optional<Offer> choose(String accept, List<Offer> offers) {
        if (accept == null || accept.isBlank()) return Optional.of(offers.get(0));
        List<Range> ranges = parse(accept);
        Offer best = null;
        double bestQ = 0;
        for (Offer o : offers) {
            Range match = null;
            for (Range r : ranges) {
                if (r.matches(o.mediaType()) && (match == null || r.specificity() > match.specificity())) match = r;
            }
            if (match != null && match.q() > bestQ) {
                best = o;
                bestQ = match.q();
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<Range> parse(String accept) {
        List<Range> out = new ArrayList<>();
        for (String part : accept.split(",")) {
            String[] bits = part.trim().split(";");
            String mt = bits[0].trim().toLowerCase(Locale.ROOT);
            if (mt.equals("*")) mt = "*/*";
            int slash = mt.indexOf('/');
            if (slash <= 0 || slash == mt.length() - 1) continue;
            double q = 1.0;
            for (int i = 1; i < bits.length; i++) {
                String p = bits[i].trim().toLowerCase(Locale.ROOT);
                if (p.startsWith("q=")) {
                    try {
                        q = Math.max(0, Math.min(1, Double.parseDouble(p.substring(2))));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            out.add(new Range(mt.substring(0, slash), mt.substring(slash + 1), q));
        }
        return out;
    }
}
