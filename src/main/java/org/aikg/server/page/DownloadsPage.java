package org.aikg.server.page;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.aikg.server.download.DownloadServlet;
import org.aikg.server.download.Downloads;
import org.aikg.server.page.Views.Download;
import org.aikg.server.page.Views.DownloadList;
import org.aikg.server.page.Views.Head;
import org.aikg.server.site.Numbers;
import org.aikg.server.site.Reader;
import org.aikg.server.site.Templates;
import org.aikg.server.site.Ui;
import org.aikg.server.site.Words;

/** {@code /download/} for a person: every file in the site's layout, each format's file beside its compressed one. */
final class DownloadsPage implements DownloadServlet.ListPage {
    private final JsonLd jsonLd;
    private final Templates templates;

    DownloadsPage(JsonLd jsonLd, Templates templates) {
        this.jsonLd = jsonLd;
        this.templates = templates;
    }

    @Override
    public byte[] render(HttpServletRequest req, List<Downloads.File> files) {
        Reader r = Reader.of(req);
        return templates.render("downloads", page(r.lang(), r.explicit(), files));
    }

    DownloadList page(String lang, boolean explicit, List<Downloads.File> files) {
        Head head = Head.of(Ui.of(lang).downloads(), Words.of(lang).downloadsIntro(), lang, null, List.of(), jsonLd.dataset(files), "/download/");
        return new DownloadList(head, table(lang, files));
    }

    /** The files as a table: each format's file, and its compressed one beside it; a size once the file is written. */
    static List<Download> table(String lang, List<Downloads.File> files) {
        List<Download> dl = new ArrayList<>();
        for (int i = 0; i + 1 < files.size(); i += 2) {
            Downloads.File f = files.get(i);
            Downloads.File gz = files.get(i + 1);
            dl.add(new Download(f.format().label(), "/download/" + f.name(), "/download/" + gz.name(), f.mediaType(), f.bytes(),
                    size(f, lang), gz.bytes(), size(gz, lang)));
        }
        return dl;
    }

    private static String size(Downloads.File f, String lang) {
        return f.written() ? Numbers.bytes(f.bytes(), lang) : Words.of(lang).beingWritten();
    }
}
