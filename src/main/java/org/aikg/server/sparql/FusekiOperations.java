package org.aikg.server.sparql;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.aikg.format.Formats;
import org.aikg.server.http.HttpError;
import org.aikg.server.http.Refusals;
import org.aikg.server.http.Resource;
import org.aikg.server.http.Responses;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.servlets.ActionService;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The operations of Fuseki's read-only dataset ({@code /ds}), registered with Fuseki so that its own
 * dispatch (by endpoint name, parameters and Content-Type) decides which one a request is: queries go
 * to aikg's {@link SparqlEndpoint}; Graph Store reads to aikg's {@link GraphStore}, with the whole
 * dataset written as its named graphs only (the default graph is their union, a view, not more data);
 * every write or update is refused with {@code 405} and a valid {@code Allow}.
 *
 * <pre>{@code
 * FusekiOperations ops = new FusekiOperations(endpoint, new GraphStore(dsg, prefixes));
 * builder.registerOperation(Operation.Query, ops.query()).add("/ds", ops.dataService(dsg));
 * }</pre>
 */
public final class FusekiOperations {
    private static final List<String> UPDATE_ENDPOINT = List.of("OPTIONS");
    private final SparqlEndpoint endpoint;
    private final GraphStore store;

    public FusekiOperations(SparqlEndpoint endpoint, GraphStore store) {
        this.endpoint = endpoint;
        this.store = store;
    }

    /** Registers the handlers of the operations with a Fuseki server builder. */
    public void register(FusekiServer.Builder builder) {
        builder.registerOperation(Operation.Query, SparqlRequest.QUERY_TYPE, new Query());
        builder.registerOperation(Operation.Update, SparqlRequest.UPDATE_TYPE, new Refusal());
        builder.registerOperation(Operation.GSP_R, new Reads());
        builder.registerOperation(Operation.GSP_RW, new Refusal());
    }

    /** The endpoints of the dataset, with Fuseki's usual names. */
    public static DataService dataService(DatasetGraph dsg) {
        return DataService.newBuilder(dsg)
                .addEndpoint(Operation.Query, "").addEndpoint(Operation.Query, "query").addEndpoint(Operation.Query, "sparql")
                .addEndpoint(Operation.GSP_R, "").addEndpoint(Operation.GSP_R, "get").addEndpoint(Operation.GSP_R, "data")
                .addEndpoint(Operation.GSP_RW, "").addEndpoint(Operation.GSP_RW, "data")
                .addEndpoint(Operation.Update, "").addEndpoint(Operation.Update, "update")
                .build();
    }

    /** Queries, answered by aikg's endpoint: the same protocol, limits and refusals as {@code /sparql}. */
    private final class Query extends ActionService {
        @Override
        public void process(HttpAction action) {
            executeLifecycle(action);
        }

        @Override
        public void validate(HttpAction action) {}

        @Override
        public void execute(HttpAction action) {
            try {
                endpoint.serve(action.getRequest(), action.getResponse());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Graph Store reads, answered by aikg's {@link GraphStore}; any other method refused. */
    private final class Reads extends ActionService {
        @Override
        public void process(HttpAction action) {
            HttpServletRequest req = action.getRequest();
            HttpServletResponse resp = action.getResponse();
            try {
                switch (action.getRequestMethod()) {
                    case "GET", "HEAD" -> store.read(req, resp);
                    case "OPTIONS" -> Responses.options(resp, Resource.READ);
                    default -> refuse(action, Resource.READ, "this server is read-only");
                }
            } catch (RuntimeException | IOException e) {
                try {
                    Refusals.send(req, resp, e);
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            }
        }

        @Override
        public void validate(HttpAction action) {}

        @Override
        public void execute(HttpAction action) {}
    }

    /**
     * SPARQL Update and Graph Store writes: refused with 405. A POST to the dataset that is neither an
     * update nor RDF (no Content-Type, or one of no RDF syntax) is a malformed query request, refused as
     * {@code /sparql} refuses it: 400 or 415. ({@code text/plain} is N-Triples to Jena, but a client
     * that sends it to a SPARQL service means a query.)
     */
    private static final class Refusal extends ActionService {
        @Override
        public void process(HttpAction action) {
            boolean named = action.getEndpoint() != null && !action.getEndpoint().getName().isEmpty();
            boolean update = action.getEndpoint() != null && action.getEndpoint().getOperation().equals(Operation.Update);
            String type = action.getRequestContentType();
            if (!update && action.getRequestMethod().equals("POST")
                    && (type == null || type.equals(Formats.RESULTS_TEXT.mediaType()) || RDFLanguages.contentTypeToLang(type) == null)) {
                try {
                    Refusals.send(action.getRequest(), action.getResponse(), SparqlRequest.malformedPost(type));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return;
            }
            List<String> allow = named ? UPDATE_ENDPOINT : SparqlEndpoint.METHODS;
            refuse(action, allow, "this server is read-only: updates and Graph Store writes are switched off");
        }

        @Override
        public void validate(HttpAction action) {}

        @Override
        public void execute(HttpAction action) {}
    }

    private static void refuse(HttpAction action, List<String> allow, String why) {
        HttpServletRequest req = action.getRequest();
        HttpServletResponse resp = action.getResponse();
        try {
            Refusals.send(req, resp, HttpError.methodNotAllowed(req.getMethod(), allow, why));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
