package org.aikg.server.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** BibTeX's special characters, escaped as LaTeX reads them (the LaTeX manual's list of the ten). */
class CitationsTest {
    @Test
    void bibtexEscapesItsSpecialCharacters() {
        assertEquals("50\\% of R\\&D \\{x\\} a\\_b \\$1 \\#2 \\textasciitilde{} \\textasciicircum{} \\textbackslash{}",
                Citations.bib("50% of R&D {x} a_b $1 #2 ~ ^ \\"));
    }
}
