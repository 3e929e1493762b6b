package org.aikg.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (the pom's), with Jena's. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"aikg " + (v == null ? "(development build)" : v),
                "Apache Jena " + org.apache.jena.Jena.VERSION + ", Java " + System.getProperty("java.version")};
    }
}
