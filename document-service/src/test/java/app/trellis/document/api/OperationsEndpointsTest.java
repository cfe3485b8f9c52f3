package app.trellis.document.api;

import app.trellis.platform.testing.OperationsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsEndpointsTest extends OperationsContract {

    @Override
    protected String documentedPath() {
        return "/api/v1/documents";
    }

    @Override
    protected String[] readinessChecks() {
        return new String[] {"sqs", "s3", "Database connections health check"};
    }
}
