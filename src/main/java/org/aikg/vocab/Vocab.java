package org.aikg.vocab;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The terms aikg uses from the vocabularies it reuses (schema.org, W3C Web Annotation, PROV-O,
 * SKOS, DCAT, VoID, Dublin Core, QUDT units), and the fixed prefix table every output uses.
 *
 * <pre>{@code
 * Triple.create(obs, Vocab.SCHEMA_value, value);
 * }</pre>
 */
public final class Vocab {
    private Vocab() {}

    public static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    public static final String OWL = "http://www.w3.org/2002/07/owl#";
    /** schema.org's term IRIs, as its own JSON-LD context expands them. */
    public static final String SCHEMA = "http://schema.org/";
    public static final String OA = "http://www.w3.org/ns/oa#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    public static final String DCT = "http://purl.org/dc/terms/";
    public static final String DCAT = "http://www.w3.org/ns/dcat#";
    public static final String VOID = "http://rdfs.org/ns/void#";
    public static final String UNIT = "http://qudt.org/vocab/unit/";
    public static final String WD = "http://www.wikidata.org/entity/";
    /** Provenance, Authoring and Versioning: a release's version name. */
    public static final String PAV = "http://purl.org/pav/";
    /** Asset Description Metadata Schema: a release's version notes. */
    public static final String ADMS = "http://www.w3.org/ns/adms#";

    public static final Node RDF_type = uri(RDF + "type");
    public static final Node RDFS_label = uri(RDFS + "label");

    public static final Node SCHEMA_NewsArticle = schema("NewsArticle");
    public static final Node SCHEMA_Observation = schema("Observation");
    public static final Node SCHEMA_StatisticalVariable = schema("StatisticalVariable");
    public static final Node SCHEMA_Claim = schema("Claim");
    public static final Node SCHEMA_headline = schema("headline");
    public static final Node SCHEMA_datePublished = schema("datePublished");
    public static final Node SCHEMA_publisher = schema("publisher");
    public static final Node SCHEMA_isBasedOn = schema("isBasedOn");
    public static final Node SCHEMA_about = schema("about");
    public static final Node SCHEMA_inLanguage = schema("inLanguage");
    public static final Node SCHEMA_articleBody = schema("articleBody");
    public static final Node SCHEMA_name = schema("name");
    public static final Node SCHEMA_alternateName = schema("alternateName");
    public static final Node SCHEMA_startDate = schema("startDate");
    public static final Node SCHEMA_location = schema("location");
    public static final Node SCHEMA_workFeatured = schema("workFeatured");
    public static final Node SCHEMA_jobTitle = schema("jobTitle");
    public static final Node SCHEMA_worksFor = schema("worksFor");
    public static final Node SCHEMA_containedInPlace = schema("containedInPlace");
    public static final Node SCHEMA_sameAs = schema("sameAs");
    public static final Node SCHEMA_variableMeasured = schema("variableMeasured");
    public static final Node SCHEMA_observationAbout = schema("observationAbout");
    public static final Node SCHEMA_observationDate = schema("observationDate");
    public static final Node SCHEMA_value = schema("value");
    public static final Node SCHEMA_minValue = schema("minValue");
    public static final Node SCHEMA_maxValue = schema("maxValue");
    public static final Node SCHEMA_unitCode = schema("unitCode");
    public static final Node SCHEMA_author = schema("author");
    public static final Node SCHEMA_text = schema("text");
    public static final Node SCHEMA_appearance = schema("appearance");
    public static final Node SCHEMA_position = schema("position");

    public static final Node OA_SpecificResource = uri(OA + "SpecificResource");
    public static final Node OA_TextQuoteSelector = uri(OA + "TextQuoteSelector");
    public static final Node OA_TextPositionSelector = uri(OA + "TextPositionSelector");
    public static final Node OA_hasSource = uri(OA + "hasSource");
    public static final Node OA_hasSelector = uri(OA + "hasSelector");
    public static final Node OA_exact = uri(OA + "exact");
    public static final Node OA_prefix = uri(OA + "prefix");
    public static final Node OA_suffix = uri(OA + "suffix");
    public static final Node OA_start = uri(OA + "start");
    public static final Node OA_end = uri(OA + "end");

    public static final Node PROV_wasDerivedFrom = uri(PROV + "wasDerivedFrom");

    public static final Node SKOS_ConceptScheme = uri(SKOS + "ConceptScheme");
    public static final Node SKOS_Concept = uri(SKOS + "Concept");
    public static final Node SKOS_prefLabel = uri(SKOS + "prefLabel");
    public static final Node SKOS_inScheme = uri(SKOS + "inScheme");
    public static final Node SKOS_topConceptOf = uri(SKOS + "topConceptOf");
    public static final Node SKOS_hasTopConcept = uri(SKOS + "hasTopConcept");
    public static final Node SKOS_editorialNote = uri(SKOS + "editorialNote");

    public static final Node DCAT_Dataset = uri(DCAT + "Dataset");
    public static final Node VOID_Dataset = uri(VOID + "Dataset");
    public static final Node VOID_uriSpace = uri(VOID + "uriSpace");
    public static final Node VOID_vocabulary = uri(VOID + "vocabulary");
    public static final Node DCT_title = uri(DCT + "title");
    public static final Node DCT_description = uri(DCT + "description");
    public static final Node DCT_license = uri(DCT + "license");
    public static final Node DCT_publisher = uri(DCT + "publisher");
    public static final Node DCT_source = uri(DCT + "source");
    public static final Node DCT_issued = uri(DCT + "issued");
    public static final Node DCAT_hasVersion = uri(DCAT + "hasVersion");
    public static final Node DCAT_isVersionOf = uri(DCAT + "isVersionOf");
    public static final Node DCAT_previousVersion = uri(DCAT + "previousVersion");
    public static final Node PAV_version = uri(PAV + "version");
    public static final Node ADMS_versionNotes = uri(ADMS + "versionNotes");

    /**
     * The prefixes every output declares, in a fixed order: the reused vocabularies here, the
     * dataset's own ones are added by {@code convert}.
     */
    public static Map<String, String> standardPrefixes() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("rdf", RDF);
        p.put("rdfs", RDFS);
        p.put("xsd", XSD);
        p.put("owl", OWL);
        p.put("schema", SCHEMA);
        p.put("oa", OA);
        p.put("prov", PROV);
        p.put("skos", SKOS);
        p.put("dct", DCT);
        p.put("dcat", DCAT);
        p.put("void", VOID);
        p.put("unit", UNIT);
        p.put("wd", WD);
        p.put("aikg", AIKG.NS);
        return p;
    }

    private static Node schema(String local) {
        return uri(SCHEMA + local);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
