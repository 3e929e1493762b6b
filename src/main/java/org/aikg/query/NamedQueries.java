package org.aikg.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.aikg.UsageException;

/**
 * The named queries shipped with aikg (the {@code queries/} folder, bundled in the jar), looked up
 * by name, or a query read from a file.
 *
 * <pre>{@code
 * NamedQuery q = NamedQueries.bundled().resolve("expo-when-where");
 * }</pre>
 */
public final class NamedQueries {
    private static final String FOLDER = "/org/aikg/queries";

    private final List<NamedQuery> queries;

    private NamedQueries(List<NamedQuery> queries) {
        this.queries = List.copyOf(queries);
    }

    /** The bundled queries, sorted by name. */
    public static NamedQueries bundled() {
        URL url = NamedQueries.class.getResource(FOLDER);
        if (url == null) return new NamedQueries(List.of());
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return new NamedQueries(readFolder(fs.getPath(FOLDER)));
            }
            return new NamedQueries(readFolder(Path.of(uri)));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the bundled queries: " + e.getMessage(), e);
        }
    }

    private static List<NamedQuery> readFolder(Path dir) throws IOException {
        List<NamedQuery> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".rq")).sorted().toList()) {
                out.add(read(p, "queries/" + p.getFileName()));
            }
        }
        return out;
    }

    public List<NamedQuery> all() {
        return queries;
    }

    public Optional<NamedQuery> byName(String name) {
        return queries.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    /** A bundled query by name, or else a {@code .rq} file by path. */
    public NamedQuery resolve(String nameOrFile) {
        Optional<NamedQuery> named = byName(nameOrFile);
        if (named.isPresent()) return named.get();
        Path p = Path.of(nameOrFile);
        if (Files.isRegularFile(p)) {
            try {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                String name = p.getFileName().toString().replaceFirst("\\.rq$", "");
                return new NamedQuery(name, name, "", text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new UsageException("no query named \"" + nameOrFile + "\" and no such file (named queries: "
                + String.join(", ", queries.stream().map(NamedQuery::name).toList()) + ")");
    }

    private static NamedQuery read(Path p, String where) throws IOException {
        String name = p.getFileName().toString().replaceFirst("\\.rq$", "");
        return NamedQuery.parse(name, Files.readString(p, StandardCharsets.UTF_8), where);
    }
}
