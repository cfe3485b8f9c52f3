package app.trellis.platform.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.trellis.platform.contracts.CaseClosedV1;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Events are read tolerantly even with the services' strict mapper (request bodies refuse unknown fields). */
class CloudEventTest {

    private final ObjectMapper strict = new ObjectMapper().findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void aFieldAddedByANewerProducerIsIgnored() {
        UUID caseId = UUID.randomUUID();
        UUID clientId = UUID.randomUUID();
        ObjectNode data = strict.createObjectNode().put("caseId", caseId.toString()).put("clientId", clientId.toString())
                .put("program", "housing").put("closedBy", "added in a later version");
        CloudEvent event = CloudEvent.of("/trellis/case-service", CaseClosedV1.TYPE, "case/" + caseId, Instant.now(),
                "north", 3, data);
        assertEquals(new CaseClosedV1(caseId, clientId, "housing"), event.dataAs(strict, CaseClosedV1.class));
    }

    @Test
    void dataThatDoesNotFitItsContractIsAnError() {
        ObjectNode data = strict.createObjectNode().put("caseId", "not-a-uuid");
        CloudEvent event = CloudEvent.of("/trellis/case-service", CaseClosedV1.TYPE, "case/x", Instant.now(), "north", 1, data);
        assertThrows(IllegalArgumentException.class, () -> event.dataAs(strict, CaseClosedV1.class));
    }
}
