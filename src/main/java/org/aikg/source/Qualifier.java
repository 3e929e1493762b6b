package org.aikg.source;

/** How a stated figure relates to the true value; each is a concept of the ontology's qualifier scheme. */
public enum Qualifier {
    Exact, Approximately, MoreThan, AtLeast, LessThan, AtMost;

    /** A point value (schema:value) rather than a bound. */
    public boolean isPoint() {
        return this == Exact || this == Approximately;
    }

    /** A lower bound (schema:minValue). */
    public boolean isLowerBound() {
        return this == MoreThan || this == AtLeast;
    }
}
