package app.trellis.platform.jdbc;

import app.trellis.platform.problem.PreconditionProblems;
import app.trellis.platform.problem.ProblemMappers;
import app.trellis.platform.problem.ProblemResponses;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The database's refusals as problems; they live here because only a service with a database meets them. */
public class PersistenceProblemMappers {

    @ServerExceptionMapper
    public Response staleWrite(OptimisticLockException e, UriInfo uri) {
        return PreconditionProblems.stale(ProblemMappers.path(uri));
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return PreconditionProblems.stale(ProblemMappers.path(uri));
    }

    /** A unique key refused a concurrent duplicate that the service's own check could not see yet. */
    @ServerExceptionMapper
    public Response duplicate(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        return ProblemResponses.of(409, "conflict/duplicate", "The request conflicts with a rule",
                "A resource with the same unique values already exists", ProblemMappers.path(uri), null);
    }
}
