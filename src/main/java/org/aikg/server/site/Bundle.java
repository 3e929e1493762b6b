package org.aikg.server.site;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The interface's words, one message bundle per language ({@code words_en.properties},
 * {@code words_zh.properties}, UTF-8, Java's own {@link ResourceBundle}), read into the records the
 * templates use: each component of a record is the bundle's key {@code PREFIX.NAME}, so a word is
 * found by its name, never by its place in a list. A language whose bundle lacks a key fails when
 * the class is first used, not on a page.
 *
 * <pre>{@code
 * Ui ui = Bundle.read(Ui.class, "ui", "zh");   // ui.home() is "首页"
 * }</pre>
 *
 * <p>Another part of the server with words of its own keeps them in a bundle of its own, read the same way
 * ({@link #read(Class, String, String, String)}).
 */
public final class Bundle {
    /** The languages of the interface. */
    public static final List<String> LANGUAGES = List.of("en", "zh");
    private static final String NAME = "org.aikg.server.site.words";

    private Bundle() {}

    /** A {@code type} whose String components are the bundle's {@code prefix.NAME} texts; {@code lang} fills a component named so. */
    static <R extends Record> R read(Class<R> type, String prefix, String lang) {
        return read(type, NAME, prefix, lang);
    }

    /**
     * A {@code type} read from the bundle {@code name} (a base name such as {@code org.aikg.server.query.query}, whose
     * files are {@code query_en.properties}, {@code query_zh.properties}), as {@link #read(Class, String, String)} reads the site's.
     */
    public static <R extends Record> R read(Class<R> type, String name, String prefix, String lang) {
        ResourceBundle b = ResourceBundle.getBundle(name, Locale.forLanguageTag(lang), ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        RecordComponent[] parts = type.getRecordComponents();
        Object[] values = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].getName();
            try {
                values[i] = part.equals("lang") ? lang : b.getString(prefix + "." + part);
            } catch (MissingResourceException e) {
                throw new IllegalStateException("the " + lang + " words have no " + prefix + "." + part + " (" + name.replace('.', '/') + "_" + lang
                        + ".properties)", e);
            }
        }
        try {
            Constructor<R> c = type.getDeclaredConstructor(Arrays.stream(parts).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return c.newInstance(values);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot make " + type.getSimpleName() + " from the " + lang + " words", e);
        }
    }
}
