package org.aikg.convert;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aikg.source.FactSheet;
import org.aikg.source.SourceSet;
import org.aikg.source.Sources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the sheet cache keeps of a sheet just converted. A sheet that changed between the moment its
 * reading began and the moment it is hashed must not be kept: the bytes hashed might not be the bytes
 * converted, and the next run would take the old graph for the new sheet. Such a change cannot be
 * timed from outside, so the test hands {@code keep} the stamp the sheet had "before" directly.
 */
class SheetCacheTest {
    @TempDir
    Path tmp;

    Path sheet;
    FactSheet read;
    SheetCache cache;

    @BeforeEach
    void aConvertedSheet() throws IOException {
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("sources"));
        Files.copy(Path.of("data/dataset.yaml"), data.resolve("dataset.yaml"));
        try (var files = Files.list(Path.of("data/sources"))) {
            for (Path f : files.toList()) Files.copy(f, data.resolve("sources").resolve(f.getFileName()));
        }
        SourceSet sources = Sources.scan(List.of(data));
        sheet = sources.sheets().get(0);
        read = sources.read(sheet);
        cache = new SheetCache(tmp.resolve("cache"), sources.dataset().file());
    }

    @Test
    void aSheetUnchangedSinceItsReadingBeganIsKept() {
        long began = FileStamp.now();
        assertNotNull(cache.keep(sheet, began, FileStamp.of(sheet), read, List.of(), List.of()));
    }

    @Test
    void aSheetThatChangedWhileItWasConvertedIsNotKept() throws IOException {
        long began = FileStamp.now();
        FileStamp before = FileStamp.of(sheet);
        Files.writeString(sheet, Files.readString(sheet) + "\n# edited while it was converted\n");
        assertNull(cache.keep(sheet, began, before, read, List.of(), List.of()));
    }

    @Test
    void aTextThatChangedAfterTheReadingBeganIsNotKept() throws IOException {
        long began = FileStamp.now() - FileStamp.SETTLED;  // the reading began before the text's last change
        assertNull(cache.keep(sheet, began, FileStamp.of(sheet), read, List.of(), List.of()));
    }
}
