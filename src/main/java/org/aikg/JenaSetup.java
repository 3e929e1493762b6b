package org.aikg;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Iterator;
import org.apache.jena.datatypes.BaseDatatype;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.sys.JenaSystem;

/**
 * Apache Jena, initialised once for the whole process before anything else uses it, and set up for
 * input nobody vetted. Jena's {@link TypeMapper} registers every datatype IRI it ever meets, for good, in
 * one global table: a client could fill the heap by sending queries or fragment patterns with a new
 * datatype IRI each time. Here a datatype Jena does not know is made when met and kept in a small
 * bounded cache instead (such a datatype has no behaviour beyond its IRI, and equal IRIs are equal
 * datatypes, so nothing else changes).
 *
 * <pre>{@code
 * JenaSetup.init();   // in main, and by anything that may be the first to use Jena (idempotent)
 * }</pre>
 */
public final class JenaSetup {
    /** How many characters of the IRIs of datatypes Jena does not know are kept, for reuse. */
    static final long UNKNOWN_DATATYPE_CHARS = 64 * 1024;
    private static boolean done;  // guarded by JenaSetup.class

    private JenaSetup() {}

    /** Initialises Jena (on this thread, so no other thread races it through its class initialisers) and bounds what it keeps. */
    public static synchronized void init() {
        if (done) return;
        JenaSystem.init();
        TypeMapper.setInstance(new BoundedTypes(TypeMapper.getInstance()));
        done = true;
    }

    /** The types Jena knows, and the others made when met, a bounded number kept. */
    private static final class BoundedTypes extends TypeMapper {
        private final TypeMapper known;
        private final Cache<String, RDFDatatype> unknown = Caffeine.newBuilder().maximumWeight(UNKNOWN_DATATYPE_CHARS)
                .weigher((String uri, RDFDatatype t) -> uri.length()).build();

        BoundedTypes(TypeMapper known) {
            this.known = known;
        }

        @Override
        public RDFDatatype getSafeTypeByName(String uri) {
            if (uri == null) return null;
            RDFDatatype t = known.getTypeByName(uri);
            return t != null ? t : unknown.get(uri, BaseDatatype::new);
        }

        @Override
        public RDFDatatype getTypeByName(String uri) {
            return known.getTypeByName(uri);
        }

        @Override
        public RDFDatatype getTypeByValue(Object value) {
            return known.getTypeByValue(value);
        }

        @Override
        public RDFDatatype getTypeByClass(Class<?> clazz) {
            return known.getTypeByClass(clazz);
        }

        @Override
        public Iterator<RDFDatatype> listTypes() {
            return known.listTypes();
        }

        @Override
        public void registerDatatype(RDFDatatype type) {
            known.registerDatatype(type);
        }
    }
}
