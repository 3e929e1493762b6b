package org.aikg.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aikg.TestCli;
import org.junit.jupiter.api.Test;

/** A table fitted to the terminal: widths as a terminal shows them (East Asian wide characters take two columns, UAX #11). */
class TextTableTest {
    @Test
    void aChineseCharacterTakesTwoColumnsACombiningMarkNone() {
        assertEquals(4, TextTable.displayWidth("刘刚"));
        assertEquals(8, TextTable.displayWidth("Liu Gang"));
        assertEquals(1, TextTable.displayWidth("e\u0301"));
        assertEquals(4, TextTable.displayWidth("２０"));  // fullwidth digits
    }

    @Test
    void aCutCellEndsWithAnEllipsisAndNeverSplitsAWideCharacter() {
        assertEquals("Liu…", TextTable.cut("Liu Gang", 4));
        assertEquals("刘…", TextTable.cut("刘刚刚", 4));  // 刘 (2) + … (1) = 3: a second 刘 would make 5
        assertEquals("Liu Gang", TextTable.cut("Liu Gang", 8));
    }

    @Test
    void theWidestColumnIsNarrowedFirstAndNoneBelowTheMinimum() {
        int[] widths = {10, 40, 20};
        TextTable.fit(widths, 1 + 3 * 3 + 50);  // room for 50 columns of cells
        assertArrayEquals(new int[] {10, 20, 20}, widths);
        int[] narrow = {10, 40, 20};
        TextTable.fit(narrow, 10);
        assertArrayEquals(new int[] {TextTable.MIN_COLUMN, TextTable.MIN_COLUMN, TextTable.MIN_COLUMN}, narrow);
    }

    @Test
    void queryWritesATableNoWiderThanAsked() {
        TestCli.Run wide = TestCli.run("query", "statistics", "--width", "0");
        TestCli.Run fitted = TestCli.run("query", "statistics", "--width", "120");
        assertEquals(0, fitted.code(), fitted::toString);
        List<String> lines = fitted.out().lines().toList();
        assertEquals(wide.out().lines().count(), lines.size(), "the same rows");
        assertTrue(wide.out().lines().anyMatch(l -> TextTable.displayWidth(l) > 120), "the table is wider than 120 unfitted");
        assertTrue(lines.stream().allMatch(l -> TextTable.displayWidth(l) <= 120), fitted::out);
        assertTrue(lines.get(3).startsWith("| obs:"), "IRIs are shortened with the dataset's prefixes: " + lines.get(3));
    }
}
