package org.aikg.server.http;

import static org.aikg.format.Formats.*;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.aikg.format.Format;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.atlas.web.MediaType;

/**
 * What one kind of answer can be written in, in the order that breaks ties, and the choice among
 * them for a request: a {@code ?format=} / {@code ?output=} / {@code ?results=} value first (a name of
 * the format or a media type), else the {@code Accept} header, matched by Jena's {@link AcceptList}
 * (highest q, then the more exact range, then the earlier offer; every format's own media type is
 * offered before the aliases, such as {@code application/json} for JSON-LD). Turtle is listed first so that
 * {@code *}{@code /*} and no {@code Accept} get it; HTML comes before RDF/XML and the XML results, so a
 * browser's {@code text/html, application/xml;q=0.9} gets a page; {@code q=0} refuses a type.
 *
 * <pre>{@code
 * Optional<Format> f = Offers.PAGE.choose("text/html,application/xml;q=0.9");   // HTML
 * }</pre>
 */
public final class Offers {
    /** A description of a thing, the dataset, the ontology, the service description. */
    public static final Offers PAGE = new Offers(TURTLE, HTML, NTRIPLES, JSONLD, RDFXML);
    /** The answer of CONSTRUCT and DESCRIBE. */
    public static final Offers GRAPH = new Offers(TURTLE, HTML, NTRIPLES, JSONLD, RDFXML, RDF_THRIFT, RDF_PROTOBUF, TRIG, NQUADS);
    /**
     * The answer of SELECT: the results formats, then the results as RDF (the W3C test suites'
     * result-set vocabulary), last, for clients that ask a SELECT for RDF.
     */
    public static final Offers SELECT = new Offers(RESULTS_JSON, HTML, RESULTS_XML, RESULTS_CSV, RESULTS_TSV, RESULTS_THRIFT, RESULTS_PROTOBUF,
            RESULTS_TEXT, TURTLE, RDFXML, NTRIPLES, JSONLD);
    /** The answer of ASK: no Thrift or Protobuf, which have no boolean form. */
    public static final Offers ASK = new Offers(RESULTS_JSON, HTML, RESULTS_XML, RESULTS_CSV, RESULTS_TSV, RESULTS_TEXT, TURTLE, RDFXML, NTRIPLES,
            JSONLD);
    /** The answer of ARQ's {@code JSON { … } WHERE} query form. */
    public static final Offers JSON_FORM = new Offers(JSON);
    /** A graph of the Graph Store protocol (the default graph, or a named one). */
    public static final Offers STORE_GRAPH = new Offers(TURTLE, NTRIPLES, JSONLD, RDFXML, RDF_THRIFT, RDF_PROTOBUF, TRIG, NQUADS);
    /** The whole dataset by the Graph Store protocol: its named graphs, in a format that keeps them apart. */
    public static final Offers STORE_DATASET = new Offers(TRIG, NQUADS, JSONLD, RDF_THRIFT, RDF_PROTOBUF);
    /** A Triple Pattern Fragment: its data, metadata and controls (apart in the quads formats). */
    public static final Offers FRAGMENT = new Offers(TURTLE, TRIG, NQUADS, NTRIPLES, JSONLD);
    /** Search: the results page, or JSON for the suggestions of the search box. */
    public static final Offers SEARCH = new Offers(HTML, JSON);
    /** A table of facts: a page, its rows as CSV, as JSON. */
    public static final Offers TABLE = new Offers(HTML, RESULTS_CSV, JSON);
    /** A refusal: plain text unless a page is asked for. */
    public static final Offers MESSAGE = new Offers(RESULTS_TEXT, HTML);

    /** The names of the parameters that override negotiation, as Fuseki reads them. */
    static final List<String> FORMAT_PARAMETERS = List.of("format", "output", "results");
    private static final Pattern TOKEN = Pattern.compile("[a-z0-9!#$&^_.+-]+");

    private final List<Format> formats;
    private final AcceptList offered;

    private Offers(Format... formats) {
        this.formats = List.of(formats);
        List<String> types = new ArrayList<>();
        for (Format f : formats) types.add(f.mediaType());
        for (Format f : formats) types.addAll(f.mediaTypes().subList(1, f.mediaTypes().size()));
        this.offered = AcceptList.create(types.toArray(String[]::new));
    }

    public List<Format> formats() {
        return formats;
    }

    /** The format of an answer when the client states no preference. */
    public Format first() {
        return formats.get(0);
    }

    /** The media types on offer, for a 406 answer. */
    public String mediaTypes() {
        return formats.stream().map(Format::mediaType).collect(Collectors.joining(", "));
    }

    /** The suffixes on offer, for a 400 answer and for paths such as {@code /doc/x.ttl}. */
    public List<String> suffixes() {
        return formats.stream().map(Format::suffix).toList();
    }

    /** The format a {@code ?format=}-style value names here, by one of its names or media types. */
    public Optional<Format> named(String value) {
        if (value == null) return Optional.empty();
        String v = value.trim().toLowerCase(Locale.ROOT);
        int semi = v.indexOf(';');
        if (semi >= 0) v = v.substring(0, semi).trim();
        for (Format f : formats) {
            if (f.isNamed(v) || f.mediaTypes().contains(v)) return Optional.of(f);
        }
        return Optional.empty();
    }

    /**
     * The format for a request: the first {@code format}/{@code output}/{@code results} value that
     * names one on offer, else negotiation on {@code Accept}. Values that name nothing on offer are
     * passed over (clients such as SPARQLWrapper send several, some meant for other servers).
     */
    public Optional<Format> decide(HttpServletRequest req) {
        for (String p : FORMAT_PARAMETERS) {
            String[] values = req.getParameterValues(p);
            if (values == null) continue;
            for (String v : values) {
                Optional<Format> f = named(v);
                if (f.isPresent()) return f;
            }
        }
        return choose(req.getHeader("Accept"));
    }

    /** The best format for an {@code Accept} header, or empty when nothing offered is acceptable. */
    public Optional<Format> choose(String accept) {
        if (accept == null || accept.isBlank()) return Optional.of(first());
        List<MediaRange> wanted = new ArrayList<>();
        List<MediaRange> refused = new ArrayList<>();
        for (String part : accept.toLowerCase(Locale.ROOT).split(",")) {
            MediaRange r = range(part);
            if (r != null) (r.get_q() > 0 ? wanted : refused).add(r);
        }
        if (wanted.isEmpty() && refused.isEmpty()) return Optional.of(first());
        AcceptList client = new AcceptList(wanted);
        List<MediaRange> candidates = new ArrayList<>();
        for (MediaRange offer : offered.entries()) {
            MediaRange best = client.match(offer);
            if (best != null && !refusedBy(refused, offer, specificity(best))) candidates.add(offer);
        }
        MediaType chosen = AcceptList.match(client, new AcceptList(candidates));
        if (chosen == null) return Optional.empty();
        String type = chosen.getContentTypeStr();
        return formats.stream().filter(f -> f.mediaTypes().contains(type)).findFirst();
    }

    /** A {@code q=0} range at least as specific as the best match takes the type off the table. */
    private static boolean refusedBy(List<MediaRange> refused, MediaRange offer, int specificity) {
        for (MediaRange z : refused) {
            if (z.accepts(offer) && specificity(z) >= specificity) return true;
        }
        return false;
    }

    private static int specificity(MediaRange r) {
        return r.getType().equals("*") ? 0 : r.getSubType().equals("*") ? 1 : 2;
    }

    /**
     * One clean range of an {@code Accept} header, or null for an entry that is not one: only the
     * type, subtype and q are kept (other parameters do not change what aikg sends).
     */
    private static MediaRange range(String part) {
        String[] bits = part.split(";");
        String type = bits[0].trim();
        if (type.equals("*")) type = "*/*";
        int slash = type.indexOf('/');
        if (slash <= 0) return null;
        String major = type.substring(0, slash);
        String minor = type.substring(slash + 1);
        boolean ok = major.equals("*") ? minor.equals("*") : TOKEN.matcher(major).matches() && (minor.equals("*") || TOKEN.matcher(minor).matches());
        if (!ok) return null;
        double q = 1;
        for (int i = 1; i < bits.length; i++) {
            String p = bits[i].trim();
            if (!p.startsWith("q=")) continue;
            try {
                q = Double.parseDouble(p.substring(2).trim());
            } catch (NumberFormatException e) {
                return null;
            }
            if (!(q >= 0 && q <= 1)) return null;
        }
        return new MediaRange(type + ";q=" + q);
    }
}
