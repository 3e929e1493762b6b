package org.aikg.source;

/** The keys an entity may carry besides id, type and evidence: each is the schema.org property of that name. */
public enum EntityKey {
    name(Kind.TEXT), alternateName(Kind.TEXT), description(Kind.TEXT), jobTitle(Kind.TEXT),
    startDate(Kind.DATE), endDate(Kind.DATE), datePublished(Kind.DATE),
    location(Kind.REF), worksFor(Kind.REF), containedInPlace(Kind.REF), workFeatured(Kind.REF),
    publisher(Kind.REF), author(Kind.REF),
    sameAs(Kind.IRI), url(Kind.IRI);

    /** What kind of value the key takes. */
    public enum Kind { TEXT, DATE, REF, IRI }

    private final Kind kind;

    EntityKey(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
