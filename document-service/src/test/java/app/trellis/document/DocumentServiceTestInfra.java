package app.trellis.document;

import app.trellis.platform.testing.TrellisInfra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The real servers every test of this module runs against (applies to all @QuarkusTest classes). */
@QuarkusTestResource(value = TrellisInfra.class, initArgs = {
        @ResourceArg(name = "schema", value = "trellis_document"),
        @ResourceArg(name = "user", value = "document_service"), @ResourceArg(name = "s3", value = "true"),
        @ResourceArg(name = "bucket", value = "trellis-documents-test")})
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class DocumentServiceTestInfra {
    private DocumentServiceTestInfra() {
    }
}
