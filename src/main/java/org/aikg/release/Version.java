package org.aikg.release;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;
import org.aikg.UsageException;

/**
 * One release of the dataset: its name and the day it was made. A name is what a person writes
 * ({@code 2024.07}, {@code v1.2.0}, {@code 2024-07-01}): letters, digits, '.', '-' and '_', starting
 * with a letter or a digit, at most 64 characters, since it becomes a folder and a path segment
 * ({@code /download/{version}/aikg.ttl}) and part of an IRI ({@code {base}dataset/{version}}).
 *
 * <pre>{@code
 * Version v = Version.named("2024.07", LocalDate.of(2024, 7, 1));
 * }</pre>
 */
public record Version(String name, LocalDate date) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Version {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(date, "date");
        if (!NAME.matcher(name).matches()) {
            throw new UsageException("bad version \"" + name + "\" (expected letters, digits, '.', '-' and '_', starting with a letter or a digit, "
                    + "at most 64 characters, such as 2024.07 or v1.2.0)");
        }
    }

    public static Version named(String name, LocalDate date) {
        return new Version(name, date);
    }
}
