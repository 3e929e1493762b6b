package org.aikg.server.site;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;

/** Renders the precompiled page templates of {@code src/main/jte}; they escape every value by default. */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public byte[] render(String template, Object model) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(template + ".jte", model, out);
        return out.toByteArray();
    }
}
