package org.aikg.server.sparql;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.aikg.server.http.Formats;
import org.aikg.server.http.HttpError;
import org.aikg.server.http.Refusals;
import org.aikg.server.http.Resource;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.servlets.ActionService;
import org.apache.jena.fuseki.servlets.GSP_R;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphZero;

/**
 * The operations of Fuseki's read-only dataset ({@code /ds}), registered with Fuseki so that its own
 * dispatch (by endpoint name, parameters and Content-Type) decides which one a request is: queries go
 * to aikg's {@link SparqlEndpoint}; Graph Store reads to Fuseki's own GSP, with the whole dataset
 * written as its named graphs only (the default graph is their union, a view, not more data); every
 * write or update is refused with {@code 405} and a valid {@code Allow}.
 *
 * <pre>{@code
 * FusekiOperations ops = new FusekiOperations(endpoint);
 * builder.registerOperation(Operation.Query, ops.query()).add("/ds", ops.dataService(dsg));
 * }</pre>
 */
public final class FusekiOperations {
    private static final List<String> UPDATE_ENDPOINT = List.of("OPTIONS");
    private final SparqlEndpoint endpoint;

    public FusekiOperations(SparqlEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Registers the handlers of the operations with a Fuseki server builder. */
    public void register(org.apache.jena.fuseki.main.FusekiServer.Builder builder) {
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

    /** Graph Store reads by Fuseki; any other method refused. */
    private static final class Reads extends GSP_R {
        @Override
        public void process(HttpAction action) {
            if (Resource.READ.contains(action.getRequestMethod())) super.process(action);
            else refuse(action, Resource.READ, "this server is read-only");
        }

        @Override
        protected DatasetGraph decideDataset(HttpAction action) {
            DatasetGraph dsg = super.decideDataset(action);
            return isQuads(action) ? new NamedGraphsOnly(dsg) : dsg;
        }
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

    /** A dataset as stored: its named graphs, with nothing in the default graph (which queries see as their union). */
    private static final class NamedGraphsOnly extends DatasetGraphWrapper implements DatasetGraphWrapperView {
        NamedGraphsOnly(DatasetGraph dsg) {
            super(dsg);
        }

        @Override
        public Graph getDefaultGraph() {
            return GraphZero.instance();
        }

        @Override
        public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
            return g != null && Quad.isDefaultGraph(g) ? Iter.empty() : Iter.filter(super.find(g, s, p, o), q -> !q.isDefaultGraph());
        }

        @Override
        public Iterator<Quad> find() {
            return find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
        }

        @Override
        public boolean contains(Node g, Node s, Node p, Node o) {
            return find(g, s, p, o).hasNext();
        }
    }
}
