package app.trellis.cases.api;

import app.trellis.cases.domain.CaseRuleViolation;
import app.trellis.platform.problem.ProblemResponses;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A case rule the domain refused becomes a 409 problem whose type names the rule. */
public class CaseRuleProblems {

    @ServerExceptionMapper
    public Response refused(CaseRuleViolation e, UriInfo uri) {
        return ProblemResponses.of(409, "conflict/" + e.rule(), "The request conflicts with a rule", e.getMessage(),
                "/" + uri.getPath().replaceFirst("^/", ""), null);
    }
}
