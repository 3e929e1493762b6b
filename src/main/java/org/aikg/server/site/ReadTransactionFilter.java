package org.aikg.server.site;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.aikg.server.http.RequestGate;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Runs each request of aikg's own pages inside a read transaction of the dataset (a TDB2 store
 * needs one for every read). Requests to Fuseki's dataset manage their own.
 */
public final class ReadTransactionFilter implements Filter {
    private final DatasetGraph dsg;

    public ReadTransactionFilter(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (RequestGate.isDatasetRequest((HttpServletRequest) request) || dsg.isInTransaction()) {
            chain.doFilter(request, response);
            return;
        }
        dsg.begin(TxnType.READ);
        try {
            chain.doFilter(request, response);
        } finally {
            dsg.end();
        }
    }
}
