package org.aikg.source;

import java.util.List;

/**
 * The units a fact sheet may use, each a QUDT unit, with the words a source may write after the
 * number ("578.4 billion Chinese yuan", "13.9%", "5784亿元").
 */
public enum Unit {
    CNY("CCY_CNY", List.of("Chinese yuan", "yuan", "CNY", "RMB", "renminbi", "元", "人民币")),
    USD("CCY_USD", List.of("US dollars", "U.S. dollars", "dollars", "USD", "美元")),
    PERCENT("PERCENT", List.of("%", "percent", "per cent", "％")),
    NUM("NUM", List.of());

    private final String qudt;
    private final List<String> words;

    Unit(String qudt, List<String> words) {
        this.qudt = qudt;
        this.words = words;
    }

    /** The local name of the QUDT unit, under {@code http://qudt.org/vocab/unit/}. */
    public String qudtLocalName() {
        return qudt;
    }

    /** Words that may follow the number, longest first so that "Chinese yuan" wins over "yuan". */
    public List<String> words() {
        return words;
    }
}
