package org.aikg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** aikg's version and Jena's, read from the Maven metadata the build puts in the jar. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String aikg = Version.class.getPackage().getImplementationVersion();
        return new String[] {"aikg " + (aikg == null ? "(development build)" : aikg),
                "Apache Jena " + mavenVersion("org.apache.jena", "jena-core") + ", Java " + System.getProperty("java.version")};
    }

    private static String mavenVersion(String group, String artifact) {
        String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Version.class.getResourceAsStream(path)) {
            if (in == null) return "(unknown version)";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "(unknown version)");
        } catch (IOException e) {
            return "(unknown version)";
        }
    }
}
