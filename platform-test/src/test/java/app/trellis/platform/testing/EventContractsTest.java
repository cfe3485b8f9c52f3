package app.trellis.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The Java contracts and the published JSON Schemas describe the same events, and the schemas bite. */
class EventContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyContractRecordHasASchemaWithExactlyItsFieldsAllRequiredAndNoOthers() throws Exception {
        List<Class<?>> contracts = contractRecords();
        assertTrue(contracts.size() >= 12, "found the contract records: " + contracts);
        for (Class<?> contract : contracts) {
            String type = (String) contract.getField("TYPE").get(null);
            JsonNode schema = EventContracts.schemaDocument(type);
            Set<String> components = Arrays.stream(contract.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(components, names(schema.path("properties").fieldNames()), type + " properties");
            assertEquals(components, values(schema.path("required")), type + " required");
            assertFalse(schema.path("additionalProperties").asBoolean(true), type + " must refuse unknown fields");
        }
    }

    @Test
    void anEventThatMatchesItsContractPassesAndEachKindOfDriftIsNamed() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree("""
                {"specversion":"1.0","id":"0192f6d2-3c1a-7b4e-9a55-1f2e3d4c5b6a","source":"/trellis/case-service",
                 "type":"app.trellis.case.opened.v1","subject":"case/0192f5d2-3c1a-7b4e-9a55-1f2e3d4c5b6a",
                 "time":"2026-11-28T10:15:00.123456Z","tenantid":"north","sequence":"3",
                 "datacontenttype":"application/json",
                 "data":{"caseId":"0192f5d2-3c1a-7b4e-9a55-1f2e3d4c5b6a","clientId":"0192f4d2-3c1a-7b4e-9a55-1f2e3d4c5b6a",
                         "program":"care-coordination","assignee":"nora"}}""");
        assertEquals(List.of(), EventContracts.violations(event));

        ObjectNode freeText = event.deepCopy();
        ((ObjectNode) freeText.get("data")).put("notes", "client was upset");
        assertTrue(EventContracts.violations(freeText).toString().contains("notes"), "free text is not in any contract");

        ObjectNode badId = event.deepCopy();
        ((ObjectNode) badId.get("data")).put("caseId", "42");
        assertFalse(EventContracts.violations(badId).isEmpty(), "ids are UUIDs");

        ObjectNode noTenant = event.deepCopy();
        noTenant.remove("tenantid");
        assertTrue(EventContracts.violations(noTenant).toString().contains("tenantid"));

        ObjectNode unknownType = event.deepCopy();
        unknownType.put("type", "app.trellis.case.vanished.v1");
        assertTrue(EventContracts.violations(unknownType).contains("no schema for event type app.trellis.case.vanished.v1"));
    }

    private static List<Class<?>> contractRecords() {
        return new ClassFileImporter().importPackages("app.trellis.platform.contracts").stream()
                .filter(c -> c.isRecord() && c.getPackageName().equals("app.trellis.platform.contracts"))
                .<Class<?>>map(c -> c.reflect()).toList();
    }

    private static Set<String> names(java.util.Iterator<String> names) {
        Set<String> set = new TreeSet<>();
        names.forEachRemaining(set::add);
        return set;
    }

    private static Set<String> values(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
