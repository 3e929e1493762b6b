package org.aikg.source;

/** The schema.org classes an entity of a fact sheet may have, and the IRI path each is minted under. */
public enum EntityType {
    ExhibitionEvent("event"),
    Event("event"),
    Report("report"),
    Organization("org"),
    ResearchOrganization("org"),
    NewsMediaOrganization("org"),
    GovernmentOrganization("org"),
    Person("person"),
    Place("place"),
    City("place"),
    Country("place");

    private final String path;

    EntityType(String path) {
        this.path = path;
    }

    /** The type segment of the entity's IRI: {@code {base}id/{path}/{slug}}. */
    public String path() {
        return path;
    }

    public boolean isAgent() {
        return path.equals("org") || path.equals("person");
    }
}
