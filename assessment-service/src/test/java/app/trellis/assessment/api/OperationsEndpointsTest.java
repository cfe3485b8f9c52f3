package app.trellis.assessment.api;

import app.trellis.platform.testing.OperationsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsEndpointsTest extends OperationsContract {

    @Override
    protected String documentedPath() {
        return "/api/v1/instruments";
    }
}
