package app.trellis.assessment.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.platform.access.Condition;
import app.trellis.platform.access.Viewer;
import app.trellis.platform.contracts.CaseAccessChangedV1;
import app.trellis.platform.contracts.ConsentChangedV1;
import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.testing.ConsumeUntilQuiet;
import app.trellis.platform.testing.MessageQueues;
import app.trellis.platform.testing.Sql;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * assessment-service's copy of case access, fed through its real queue: a case opened, reassigned and closed
 * in case-service changes who sees it here, consents open it to a partner, and replays, duplicates and late
 * arrivals change nothing. Single checks and list queries come from the same platform rule.
 */
@QuarkusTest
class CaseAccessCopyTest {

    private static final String QUEUE = "trellis-assessment-events";

    @Inject
    EventConsumer consumer;
    @Inject
    CaseAccessRecorder copy;
    @Inject
    AgroalDataSource db;
    @Inject
    ObjectMapper json;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final UUID caseId = UUID.randomUUID();
    private final UUID clientId = UUID.randomUUID();
    private final Viewer nora = Viewer.caseworker(tenant, "sub-nora", "team-a");
    private final Viewer rob = Viewer.caseworker(tenant, "sub-rob", "team-b");
    private final Viewer partner = Viewer.partner(tenant, "partner-north", today);

    @BeforeEach
    void emptyQueue() {
        MessageQueues.shared().drain(QUEUE);
    }

    @Test
    void theCaseLifecycleMovesWhoSeesItAndReplaysChangeNothing() throws Exception {
        List<CloudEvent> history = List.of(
                access(1, "sub-nora", "team-a", "referred"),
                access(2, "sub-nora", "team-a", "open"),
                access(3, "sub-rob", "team-b", "open"),
                consent(1, UUID.randomUUID(), "granted"),
                access(4, "sub-rob", "team-b", "closed"));
        send(history.subList(0, 2));
        assertTrue(copy.sees(nora, caseId));
        assertFalse(copy.sees(rob, caseId));
        assertFalse(copy.sees(partner, caseId));

        send(history.subList(2, 4));
        assertFalse(copy.sees(nora, caseId), "reassigned away from nora's team");
        assertTrue(copy.sees(rob, caseId));
        assertTrue(copy.sees(partner, caseId), "a data-sharing consent naming the partner is in force");

        send(history.subList(4, 5));
        Map<String, Object> after = row();
        assertEquals("closed", after.get("status"));

        // The same events again, newest first: a replay, a redelivery and late arrivals all at once.
        List<CloudEvent> replay = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            CloudEvent e = history.get(i);
            replay.add(new CloudEvent(e.specversion(), UUID.randomUUID().toString(), e.source(), e.type(), e.subject(),
                    e.time(), e.tenantid(), e.sequence(), e.datacontenttype(), e.data()));
            replay.add(e);
        }
        send(replay);
        assertEquals(after, row());
        assertTrue(copy.sees(rob, caseId));
        assertFalse(copy.sees(nora, caseId));
    }

    @Test
    void anEventTypeNothingHereHandlesCostsNoTransactionAndLeavesNoInboxRow() {
        CloudEvent noted = CloudEvent.of("/case-service", "app.trellis.note.added.v1", "case/" + caseId,
                Instant.now(), tenant, 1, json.createObjectNode().put("caseId", caseId.toString()));
        assertEquals(EventConsumer.Outcome.IGNORED, consumer.apply(noted));
        assertEquals(EventConsumer.Outcome.IGNORED, consumer.apply(noted));
        assertEquals(0, Sql.count(db, "SELECT COUNT(*) FROM inbox_event WHERE event_id = ?", noted.id()));

        CloudEvent handled = access(1, "sub-nora", "team-a", "open");
        assertEquals(EventConsumer.Outcome.APPLIED, consumer.apply(handled));
        assertEquals(EventConsumer.Outcome.DUPLICATE, consumer.apply(handled));
        assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM inbox_event WHERE event_id = ?", handled.id()));
    }

    @Test
    void listQueriesOverTheCopyAgreeWithSingleChecks() throws Exception {
        UUID revoked = UUID.randomUUID();
        send(List.of(access(1, "sub-nora", "team-a", "open"), consent(1, revoked, "granted"), consent(2, revoked, "revoked")));
        UUID other = UUID.randomUUID();
        send(List.of(CloudEvent.of("/trellis/case-service", CaseAccessChangedV1.TYPE, "case/" + other, Instant.now(), tenant,
                1, json.valueToTree(new CaseAccessChangedV1(other, UUID.randomUUID(), "sub-ned", "team-a", "open")))));
        for (Viewer viewer : List.of(nora, rob, partner, Viewer.caseworker(tenant, "sub-ned", null),
                Viewer.wholeTenant(tenant, "sub-sam"))) {
            TreeSet<String> oneByOne = new TreeSet<>();
            for (UUID id : List.of(caseId, other)) {
                if (copy.sees(viewer, id)) {
                    oneByOne.add(id.toString());
                }
            }
            assertEquals(oneByOne, listed(viewer), viewer.toString());
        }
        assertEquals(2, listed(nora).size(), "nora's own case and one of her team");
        assertEquals(0, listed(partner).size(), "the only consent was revoked");
    }

    private TreeSet<String> listed(Viewer viewer) throws Exception {
        Condition condition = copy.filter(viewer).orElse(new Condition("1 = 1", Map.of()));
        String sql = "SELECT a.case_id FROM case_access a WHERE a.tenant_id = :tenant AND " + condition.text();
        List<Object> params = new ArrayList<>();
        StringBuilder jdbc = new StringBuilder();
        var names = java.util.regex.Pattern.compile(":(\\w+)").matcher(sql);
        while (names.find()) {
            String name = names.group(1);
            params.add(name.equals("tenant") ? tenant : condition.parameters().get(name));
            names.appendReplacement(jdbc, "?");
        }
        names.appendTail(jdbc);
        TreeSet<String> ids = new TreeSet<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(jdbc.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private Map<String, Object> row() {
        return Map.of("assignee", Sql.string(db, "SELECT assignee FROM case_access WHERE case_id = ?", caseId.toString()),
                "status", Sql.string(db, "SELECT status FROM case_access WHERE case_id = ?", caseId.toString()),
                "sequence", Sql.count(db, "SELECT sequence FROM case_access WHERE case_id = ?", caseId.toString()));
    }

    private void send(List<CloudEvent> events) throws Exception {
        for (CloudEvent event : events) {
            MessageQueues.shared().send(QUEUE, json.writeValueAsString(event));
        }
        ConsumeUntilQuiet.poll(consumer);
    }

    private CloudEvent access(long sequence, String assignee, String team, String status) {
        return CloudEvent.of("/trellis/case-service", CaseAccessChangedV1.TYPE, "case/" + caseId, Instant.now(), tenant,
                sequence, json.valueToTree(new CaseAccessChangedV1(caseId, clientId, assignee, team, status)));
    }

    private CloudEvent consent(long sequence, UUID consentId, String status) {
        return CloudEvent.of("/trellis/case-service", ConsentChangedV1.TYPE, "client/" + clientId, Instant.now(), tenant,
                sequence, json.valueToTree(new ConsentChangedV1(consentId, clientId, "data-sharing", "partner-north", status,
                        today, null)));
    }
}
