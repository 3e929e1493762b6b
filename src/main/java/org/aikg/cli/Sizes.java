package org.aikg.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aikg.UsageException;

/**
 * The sizes of the command line ({@code --max-bytes 64MiB}): a whole number of bytes, or with
 * {@code KiB}, {@code MiB} or {@code GiB} ({@code K}, {@code M}, {@code G} and {@code KB}, {@code MB},
 * {@code GB} are read the same, as powers of 1024), from {@link #MIN} to {@link #MAX}; anything else is a
 * bad command line (exit 2) that says why.
 */
final class Sizes {
    static final long MIN = 1024;
    static final long MAX = 1L << 40;
    private static final Pattern FORM = Pattern.compile("(\\d{1,13})\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");

    private Sizes() {}

    static long parse(String option, String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException("bad size \"" + text + "\" for " + option + " (expected a whole number of bytes, or with KiB, MiB or GiB, such as 64MiB)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        int shift = switch (unit.charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        if (n > (MAX >> shift)) throw new UsageException(option + " " + text.trim() + " is too large (at most 1 TiB)");
        long bytes = n << shift;
        if (bytes < MIN) throw new UsageException(option + " must be at least 1 KiB, not " + text.trim());
        return bytes;
    }
}
