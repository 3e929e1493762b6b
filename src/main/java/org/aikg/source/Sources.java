package org.aikg.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.aikg.DataException;
import org.aikg.UsageException;

/**
 * Finds the inputs of a run: the dataset descriptor ({@code dataset.yaml}) and the fact sheets
 * (every other {@code *.yaml} under the given folders, sub-folders included, in path order).
 *
 * <pre>{@code
 * SourceSet set = Sources.scan(List.of(Path.of("data")));
 * }</pre>
 */
public final class Sources {
    /** The file name of the dataset descriptor. */
    public static final String DESCRIPTOR = "dataset.yaml";

    private Sources() {}

    /**
     * Scans folders and sheet files. The descriptor is the {@code dataset.yaml} among the inputs,
     * or else the nearest one in a folder above the first input.
     */
    public static SourceSet scan(List<Path> inputs) {
        if (inputs.isEmpty()) throw new UsageException("no input given (expected a data folder or fact sheets)");
        Set<Path> sheets = new LinkedHashSet<>();
        List<Path> descriptors = new ArrayList<>();
        List<Path> roots = new ArrayList<>();
        for (Path in : inputs) {
            if (!Files.exists(in)) throw new UsageException("no such file or folder: " + in);
            roots.add(Files.isDirectory(in) ? in : in.toAbsolutePath().getParent());
            if (Files.isDirectory(in)) {
                for (Path p : yamlFilesUnder(in)) {
                    if (p.getFileName().toString().equals(DESCRIPTOR)) {
                        if (!descriptors.contains(p)) descriptors.add(p);
                    } else {
                        sheets.add(p);
                    }
                }
            } else if (in.getFileName().toString().equals(DESCRIPTOR)) {
                if (!descriptors.contains(in)) descriptors.add(in);
            } else {
                sheets.add(in);
            }
        }
        if (descriptors.size() > 1) {
            throw new DataException("more than one dataset descriptor: " + descriptors.get(0) + " and " + descriptors.get(1)
                    + " (a run publishes one dataset)");
        }
        Path descriptor = descriptors.isEmpty() ? findAbove(inputs.get(0)) : descriptors.get(0);
        if (sheets.isEmpty()) throw new DataException("no fact sheets found in " + String.join(", ", inputs.stream().map(Path::toString).toList()));
        roots.add(descriptor.toAbsolutePath().getParent());
        return new SourceSet(readDataset(descriptor), new ArrayList<>(sheets), roots);
    }

    /** Reads a dataset descriptor. */
    public static DatasetInfo readDataset(Path file) {
        YamlNode root = YamlNode.parse(file).named("the dataset descriptor");
        Map<String, YamlNode> m = root.mapping(new LinkedHashSet<>(List.of("id", "base", "title", "description", "license", "publisher")));
        String id = required(root, m, "id").text();
        String written = required(root, m, "base").text();
        String base;
        try {
            base = BaseIri.normalise(written);
        } catch (IllegalArgumentException e) {
            throw m.get("base").error("bad base IRI " + Chars.show(written) + ": " + e.getMessage());
        }
        YamlNode publisher = required(root, m, "publisher").named("\"publisher\"");
        Map<String, YamlNode> pm = publisher.mapping(new LinkedHashSet<>(List.of("id", "name")));
        String license = required(root, m, "license").text();
        String problem = IriCheck.problem(license, IriCheck.WEB);
        if (problem != null) throw m.get("license").error("bad licence IRI " + Chars.show(license) + ": " + problem);
        return new DatasetInfo(file, id, base, SheetReader.texts(required(root, m, "title"), true),
                m.containsKey("description") ? SheetReader.texts(m.get("description"), false) : List.of(),
                license, SheetReader.slug(required(publisher, pm, "id")), SheetReader.texts(required(publisher, pm, "name"), true));
    }

    private static YamlNode required(YamlNode parent, Map<String, YamlNode> m, String key) {
        YamlNode v = m.get(key);
        if (v == null || v.isNull()) throw parent.error("missing required field \"" + key + "\" in " + parent.name());
        return v;
    }

    private static Path findAbove(Path input) {
        Path dir = input.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) dir = dir.getParent();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve(DESCRIPTOR);
            if (Files.isRegularFile(candidate)) return input.isAbsolute() ? candidate : relativize(candidate);
        }
        throw new DataException("no " + DESCRIPTOR + " found in " + input + " or any folder above it (a run needs the dataset descriptor)");
    }

    private static Path relativize(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) ? cwd.relativize(p) : p;
    }

    /**
     * The YAML files under {@code dir}. A sheet found there that is a link to a file outside the
     * folder is refused, as a text is: a link planted in the data must not publish what lies elsewhere.
     */
    private static List<Path> yamlFilesUnder(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> found = s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
            Path root = dir.toRealPath();
            for (Path p : found) {
                if (Files.isSymbolicLink(p) && !p.toRealPath().startsWith(root)) {
                    throw new DataException(p + ": the sheet is a link to " + p.toRealPath() + ", outside the data folder " + dir
                            + " (a sheet must be a file inside the folder, links resolved)");
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
