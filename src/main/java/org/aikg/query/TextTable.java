package org.aikg.query;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ResultSet;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.util.FmtUtils;

/**
 * A SELECT answer as a text table, as Jena's text output draws it, but fitted to a width: IRIs are
 * shortened with the prefixes given, and when the table is still too wide its widest columns are
 * narrowed (to no less than {@link #MIN_COLUMN}) and their cells cut with "…". Widths count what a
 * terminal shows: a Chinese character takes two columns, a combining mark none. Written by hand
 * because Jena's {@code ResultSetFormatter} has no width.
 *
 * <pre>{@code
 * TextTable.write(resultSet, prefixes, 100, System.out);   // at most 100 columns wide
 * }</pre>
 */
public final class TextTable {
    /** The narrowest a column is made, in terminal columns. */
    static final int MIN_COLUMN = 8;

    private TextTable() {}

    /** Writes {@code rs}, at most {@code width} columns wide where the columns allow it; 0 for no limit. */
    public static void write(ResultSet rs, PrefixMapping prefixes, int width, PrintStream out) {
        List<String> vars = rs.getResultVars();
        List<String[]> rows = new ArrayList<>();
        while (rs.hasNext()) {
            Binding b = rs.nextBinding();
            String[] row = new String[vars.size()];
            for (int i = 0; i < row.length; i++) {
                Node n = b.get(vars.get(i));
                row[i] = n == null ? "" : FmtUtils.stringForNode(n, prefixes);
            }
            rows.add(row);
        }
        int[] widths = new int[vars.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = displayWidth(vars.get(i));
            for (String[] row : rows) widths[i] = Math.max(widths[i], displayWidth(row[i]));
        }
        if (width > 0) fit(widths, width);
        int total = 1;
        for (int w : widths) total += w + 3;
        String rule = "-".repeat(total);
        out.println(rule);
        out.println(line(vars.toArray(String[]::new), widths));
        out.println("=".repeat(total));
        for (String[] row : rows) out.println(line(row, widths));
        out.println(rule);
        out.flush();
    }

    /** Narrows the widest column by one, again and again, until the table fits or every column is at its minimum. */
    static void fit(int[] widths, int width) {
        int total = 1;
        for (int w : widths) total += w + 3;
        while (total > width) {
            int widest = 0;
            for (int i = 1; i < widths.length; i++) if (widths[i] > widths[widest]) widest = i;
            if (widths[widest] <= MIN_COLUMN) return;
            widths[widest]--;
            total--;
        }
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder b = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            String cell = cut(cells[i], widths[i]);
            b.append(' ').append(cell).append(" ".repeat(widths[i] - displayWidth(cell))).append(" |");
        }
        return b.toString();
    }

    /** {@code s} cut to {@code width} columns, ending with "…" where it was cut. */
    static String cut(String s, int width) {
        if (displayWidth(s) <= width) return s;
        StringBuilder b = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); i = s.offsetByCodePoints(i, 1)) {
            int cp = s.codePointAt(i);
            int w = width(cp);
            if (used + w > width - 1) break;
            b.appendCodePoint(cp);
            used += w;
        }
        return b.append('…').toString();
    }

    /** The columns a terminal gives {@code s}. */
    static int displayWidth(String s) {
        return s.codePoints().map(TextTable::width).sum();
    }

    private static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) return 0;
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        boolean wide = script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || cp >= 0x3000 && cp <= 0x303F || cp >= 0xFF00 && cp <= 0xFF60 || cp >= 0xFFE0 && cp <= 0xFFE6;
        return wide ? 2 : 1;
    }
}
