package org.aikg.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aikg.UsageException;

/**
 * The durations of the command line ({@code --query-timeout 30s}, {@code --timeout 1m}): a whole
 * number with {@code ms}, {@code s}, {@code m} or {@code h} (seconds without one), more than 0 and
 * at most {@link #MAX}; anything else is a bad command line (exit 2) that says why.
 */
final class Durations {
    /** The longest duration an option takes. */
    static final Duration MAX = Duration.ofHours(24);

    private static final Pattern FORM = Pattern.compile("(\\d+)(ms|s|m|h)?");

    private Durations() {}

    static Duration parse(String option, String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new UsageException("bad duration \"" + text + "\" for " + option + " (expected a whole number with ms, s, m or h, such as 10s)");
        }
        String digits = m.group(1).replaceFirst("^0+(?=\\d)", "");
        if (digits.length() > 12) throw tooLong(option, text);  // more than 24 h in any unit, and no overflow
        long n = Long.parseLong(digits);
        Duration d = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.isZero()) throw new UsageException(option + " must be more than 0");
        if (d.compareTo(MAX) > 0) throw tooLong(option, text);
        return d;
    }

    private static UsageException tooLong(String option, String text) {
        return new UsageException(option + " " + text.trim() + " is too long (at most " + MAX.toHours() + "h)");
    }
}
