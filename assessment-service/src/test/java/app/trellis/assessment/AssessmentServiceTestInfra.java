package app.trellis.assessment;

import app.trellis.platform.testing.TrellisInfra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The real servers every test of this module runs against (applies to all @QuarkusTest classes). */
@QuarkusTestResource(value = TrellisInfra.class, initArgs = {
        @ResourceArg(name = "schema", value = "trellis_assessment"),
        @ResourceArg(name = "user", value = "assessment_service")})
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class AssessmentServiceTestInfra {
    private AssessmentServiceTestInfra() {
    }
}
