package org.aikg.query;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.aikg.UsageException;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Runs a query over a dataset and writes the answer: a text table, CSV, TSV or SPARQL JSON for
 * SELECT; true/false for ASK; Turtle for CONSTRUCT and DESCRIBE.
 *
 * <pre>{@code
 * QueryRunner.run(dsg, query.query("x.rq"), QueryRunner.Format.TABLE, System.out);
 * }</pre>
 */
public final class QueryRunner {
    /** How a result is written. */
    public enum Format {
        TABLE, CSV, TSV, JSON;

        public static Format named(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException("unknown result format \"" + name + "\" (expected table, csv, tsv or json)");
            }
        }
    }

    private QueryRunner() {}

    private static PrefixMapping tablePrefixes(Query query, Map<String, String> prefixes) {
        PrefixMapping p = new PrefixMappingImpl();
        prefixes.forEach(p::setNsPrefix);
        p.setNsPrefixes(query.getPrefixMapping());
        return p;
    }

    public static void run(DatasetGraph dsg, Query query, Format format, OutputStream out) {
        run(dsg, query, format, out, Map.of(), 0);
    }

    /**
     * As {@link #run(DatasetGraph, Query, Format, OutputStream)}, a table fitted to {@code width}
     * columns (0: no limit) with IRIs shortened by the query's prefixes and then {@code prefixes}.
     */
    public static void run(DatasetGraph dsg, Query query, Format format, OutputStream out, Map<String, String> prefixes, int width) {
        try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(query).build()) {
            if (query.isSelectType()) {
                ResultSet rs = qe.execSelect();
                switch (format) {
                    case TABLE -> TextTable.write(rs, tablePrefixes(query, prefixes), width, new PrintStream(out, true, StandardCharsets.UTF_8));
                    case CSV -> ResultSetMgr.write(out, rs, ResultSetLang.RS_CSV);
                    case TSV -> ResultSetMgr.write(out, rs, ResultSetLang.RS_TSV);
                    case JSON -> ResultSetMgr.write(out, rs, ResultSetLang.RS_JSON);
                }
            } else if (query.isAskType()) {
                boolean b = qe.execAsk();
                if (format == Format.JSON) ResultSetMgr.write(out, b, ResultSetLang.RS_JSON);
                else {
                    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
                    ps.println(b);
                    ps.flush();
                }
            } else if (query.isConstructType()) {
                RDFDataMgr.write(out, qe.execConstruct(), Lang.TURTLE);
            } else if (query.isDescribeType()) {
                RDFDataMgr.write(out, qe.execDescribe(), Lang.TURTLE);
            } else {
                throw new UsageException("only SELECT, ASK, CONSTRUCT and DESCRIBE queries can be run");
            }
        }
    }
}
