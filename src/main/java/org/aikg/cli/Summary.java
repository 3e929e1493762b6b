package org.aikg.cli;

import java.util.List;
import org.aikg.DataException;

/** The end of a run that left sources out: each one listed, then exit 1. */
final class Summary {
    private Summary() {}

    static void failures(Cli.Io io, List<String> failures) {
        if (failures.isEmpty()) return;
        for (String f : failures) io.err().println("aikg: left out: " + f);
        throw new DataException(failures.size() + " source" + (failures.size() == 1 ? " was" : "s were") + " left out (see above)");
    }
}
