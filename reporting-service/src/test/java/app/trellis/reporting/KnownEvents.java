package app.trellis.reporting;

import app.trellis.platform.contracts.AssessmentAmendedV1;
import app.trellis.platform.contracts.AssessmentDueV1;
import app.trellis.platform.contracts.AssessmentOverdueV1;
import app.trellis.platform.contracts.AssessmentStartedV1;
import app.trellis.platform.contracts.AssessmentSubmittedV1;
import app.trellis.platform.contracts.CaseAccessChangedV1;
import app.trellis.platform.contracts.CaseAssignedV1;
import app.trellis.platform.contracts.CaseClosedV1;
import app.trellis.platform.contracts.CaseOpenedV1;
import app.trellis.platform.contracts.CaseStatusChangedV1;
import app.trellis.platform.contracts.ConsentChangedV1;
import app.trellis.platform.contracts.DocumentDeletedV1;
import app.trellis.platform.contracts.DocumentScannedV1;
import app.trellis.platform.contracts.DocumentUploadedV1;
import app.trellis.platform.contracts.DocumentVersionAddedV1;
import app.trellis.platform.contracts.NoteAddedV1;
import app.trellis.platform.event.CloudEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A known tenant history, as case-, assessment- and document-service would publish it (each event valid against its
 * contract), with the numbers every report must give for it written down in the tests. Dates in January to March
 * 2026 are fixed; due dates, recent flags and consent expiries are relative to today, as the reports are.
 *
 * <pre>
 * case  client program            manager  story
 * C1    K1     care-coordination  nora     opened 2026-01-05 10:00, PHQ A1 2 days later (12, moderate, safety-risk)
 * C2    K2     care-coordination  nora     opened 2026-01-20, PHQ A2 4 days later (5, mild), closed 2026-02-10
 * C3    K3     care-coordination  ned      opened 2026-02-01, PHQ A3 10 days later (20, severe, safety-risk), on hold
 * C4    K4     (referred)         ned      referred 2026-02-15
 * C5    K5     housing            nora     opened 2026-03-03, GAD A5 1.5 days later (7, mild), amended by A5B (9, mild),
 *                                          GAD A7 yesterday (15, severe, safety-risk)
 * </pre>
 */
public final class KnownEvents {

    public static final String NORA = "sub-nora";
    public static final String NED = "sub-ned";
    public static final String CARE = "care-coordination";
    public static final String HOUSING = "housing";
    public static final UUID PHQ = id("1", 1);
    public static final UUID GAD = id("1", 2);
    public static final String PHQ_URL = "https://trellis.app/instruments/phq-9";
    public static final String GAD_URL = "https://trellis.app/instruments/gad-7";

    private final String tenant;
    private final ObjectMapper json;
    private final List<CloudEvent> events = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();

    private KnownEvents(String tenant, ObjectMapper json) {
        this.tenant = tenant;
        this.json = json;
    }

    public static UUID caseId(int n) {
        return id("c", n);
    }

    public static UUID clientId(int n) {
        return id("a", n);
    }

    public static UUID assessmentId(int n) {
        return id("b", n);
    }

    public static UUID consentId(int n) {
        return id("e", n);
    }

    public static UUID documentId(int n) {
        return id("d", n);
    }

    private static UUID id(String kind, int n) {
        return UUID.fromString(kind.repeat(8) + "-0000-0000-0000-" + String.format("%012d", n));
    }

    public static Instant at(String dateTime) {
        return Instant.parse(dateTime);
    }

    /** The whole history, in the order it happened. */
    public static List<CloudEvent> story(String tenant, ObjectMapper json, Instant now) {
        KnownEvents s = new KnownEvents(tenant, json);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();

        s.openCase(1, CARE, NORA, at("2026-01-05T10:00:00Z"));
        s.assessment(1, 1, PHQ, PHQ_URL, at("2026-01-07T10:00:00Z"), "12", "moderate", "safety-risk");
        s.note(1, 1, "collateral", at("2026-01-08T09:00:00Z"));
        s.note(1, 2, "contact", at("2026-01-20T09:00:00Z"));

        s.openCase(2, CARE, NORA, at("2026-01-20T00:00:00Z"));
        s.assessment(2, 2, PHQ, PHQ_URL, at("2026-01-24T00:00:00Z"), "5", "mild");
        s.closeCase(2, CARE, NORA, "open", at("2026-02-10T12:00:00Z"));

        s.openCase(3, CARE, NORA, at("2026-02-01T00:00:00Z"));
        s.assign(3, NED, "team-b", at("2026-02-01T01:00:00Z"));
        s.assessment(3, 3, PHQ, PHQ_URL, at("2026-02-11T00:00:00Z"), "20", "severe", "safety-risk");
        s.note(3, 3, "contact", at("2026-02-12T08:00:00Z"));
        s.status(3, "open", "on-hold", NED, at("2026-02-20T00:00:00Z"));

        s.refer(4, NED, at("2026-02-15T00:00:00Z"));

        s.openCase(5, HOUSING, NORA, at("2026-03-03T00:00:00Z"));
        s.assessment(5, 5, GAD, GAD_URL, at("2026-03-04T12:00:00Z"), "7", "mild");
        s.amendment(5, 55, 5, GAD, GAD_URL, at("2026-03-05T00:00:00Z"), "9", "mild");

        // Expected (re)assessments: overdue for nora (C1) and ned (C3); satisfied (C5); closed case (C2); not yet due.
        s.due(1, 1, GAD, today.minusDays(10), midnight.minus(Duration.ofDays(12)), true);
        s.due(2, 3, PHQ, today.minusDays(5), midnight.minus(Duration.ofDays(8)), true);
        s.due(3, 5, GAD, today.minusDays(3), midnight.minus(Duration.ofDays(6)), true);
        s.due(4, 2, PHQ, today.minusDays(20), midnight.minus(Duration.ofDays(25)), true);
        s.due(5, 1, PHQ, today.plusDays(5), midnight.minus(Duration.ofDays(1)), false);
        s.assessment(5, 7, GAD, GAD_URL, now.minus(Duration.ofDays(1)), "15", "severe", "safety-risk");

        s.consent(1, 1, "data-sharing", "partner-north", "granted", today.plusDays(10));
        s.consent(2, 3, "treatment", null, "granted", today.plusDays(40));
        s.consent(3, 5, "release-of-information", null, "granted", today.plusDays(5));
        s.consent(3, 5, "release-of-information", null, "revoked", today.plusDays(5));
        s.consent(4, 1, "data-sharing", "Hope \"North\", Inc", "granted", today.plusDays(20));

        s.document(1, 1, "intake", at("2026-01-06T00:00:00Z"), 2, false);
        s.document(2, 1, "intake", at("2026-01-06T01:00:00Z"), 1, false);
        s.document(3, 1, "consent-form", at("2026-01-06T02:00:00Z"), 1, true);
        s.document(4, 3, "medical", at("2026-02-02T00:00:00Z"), 1, false);
        return List.copyOf(s.events);
    }

    private void openCase(int n, String program, String manager, Instant at) {
        add("case/" + caseId(n), CaseStatusChangedV1.TYPE, at, new CaseStatusChangedV1(caseId(n), clientId(n), null, "open"));
        add("case/" + caseId(n), CaseOpenedV1.TYPE, at, new CaseOpenedV1(caseId(n), clientId(n), program, manager));
        add("case/" + caseId(n), CaseAccessChangedV1.TYPE, at,
                new CaseAccessChangedV1(caseId(n), clientId(n), manager, "team-a", "open"));
    }

    private void refer(int n, String manager, Instant at) {
        add("case/" + caseId(n), CaseStatusChangedV1.TYPE, at, new CaseStatusChangedV1(caseId(n), clientId(n), null, "referred"));
        add("case/" + caseId(n), CaseAccessChangedV1.TYPE, at,
                new CaseAccessChangedV1(caseId(n), clientId(n), manager, "team-a", "referred"));
    }

    private void assign(int n, String manager, String team, Instant at) {
        add("case/" + caseId(n), CaseAssignedV1.TYPE, at, new CaseAssignedV1(caseId(n), clientId(n), manager, team));
        add("case/" + caseId(n), CaseAccessChangedV1.TYPE, at,
                new CaseAccessChangedV1(caseId(n), clientId(n), manager, team, "open"));
    }

    private void status(int n, String from, String to, String manager, Instant at) {
        add("case/" + caseId(n), CaseStatusChangedV1.TYPE, at, new CaseStatusChangedV1(caseId(n), clientId(n), from, to));
        add("case/" + caseId(n), CaseAccessChangedV1.TYPE, at,
                new CaseAccessChangedV1(caseId(n), clientId(n), manager, "team-b", to));
    }

    private void closeCase(int n, String program, String manager, String from, Instant at) {
        add("case/" + caseId(n), CaseStatusChangedV1.TYPE, at, new CaseStatusChangedV1(caseId(n), clientId(n), from, "closed"));
        add("case/" + caseId(n), CaseClosedV1.TYPE, at, new CaseClosedV1(caseId(n), clientId(n), program));
        add("case/" + caseId(n), CaseAccessChangedV1.TYPE, at,
                new CaseAccessChangedV1(caseId(n), clientId(n), manager, "team-a", "closed"));
    }

    private void note(int caseNo, int noteNo, String type, Instant at) {
        add("case/" + caseId(caseNo), NoteAddedV1.TYPE, at,
                new NoteAddedV1(id("f", noteNo), caseId(caseNo), clientId(caseNo), type, null));
    }

    private void assessment(int caseNo, int n, UUID instrument, String url, Instant submitted, String total, String band,
                            String... flags) {
        add("assessment/" + assessmentId(n), AssessmentStartedV1.TYPE, submitted.minus(Duration.ofHours(1)),
                new AssessmentStartedV1(assessmentId(n), clientId(caseNo), caseId(caseNo), instrument, url + "|1.0.0"));
        submit(caseNo, n, instrument, url, submitted, 1, total, band, flags);
    }

    private void amendment(int caseNo, int n, int amends, UUID instrument, String url, Instant submitted, String total,
                           String band) {
        add("assessment/" + assessmentId(n), AssessmentAmendedV1.TYPE, submitted.minus(Duration.ofHours(1)),
                new AssessmentAmendedV1(assessmentId(n), assessmentId(amends), clientId(caseNo), caseId(caseNo),
                        instrument, url + "|1.0.0", 2));
        submit(caseNo, n, instrument, url, submitted, 2, total, band);
    }

    private void submit(int caseNo, int n, UUID instrument, String url, Instant submitted, int revision, String total,
                        String band, String... flags) {
        add("assessment/" + assessmentId(n), AssessmentSubmittedV1.TYPE, submitted,
                new AssessmentSubmittedV1(assessmentId(n), clientId(caseNo), caseId(caseNo), instrument, url + "|1.0.0",
                        revision, new BigDecimal(total), Map.of(), band, List.of(flags), "1"));
    }

    private void due(int n, int caseNo, UUID instrument, LocalDate dueDate, Instant announced, boolean overdue) {
        UUID occurrence = id("0", n);
        add("assessment-occurrence/" + occurrence, AssessmentDueV1.TYPE, announced, new AssessmentDueV1(occurrence,
                id("9", 1), caseId(caseNo), clientId(caseNo), instrument, dueDate.minusDays(7), dueDate));
        if (overdue) {
            add("assessment-occurrence/" + occurrence, AssessmentOverdueV1.TYPE,
                    dueDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), new AssessmentOverdueV1(occurrence,
                            id("9", 1), caseId(caseNo), clientId(caseNo), instrument, dueDate.minusDays(7), dueDate));
        }
    }

    private void consent(int n, int clientNo, String type, String partner, String status, LocalDate expiry) {
        add("client/" + clientId(clientNo), ConsentChangedV1.TYPE, at("2026-01-02T00:00:00Z"),
                new ConsentChangedV1(consentId(n), clientId(clientNo), type, partner, status, LocalDate.parse("2026-01-01"),
                        expiry));
    }

    private void document(int n, int caseNo, String category, Instant at, int versions, boolean deleted) {
        String subject = "document/" + documentId(n);
        add(subject, DocumentUploadedV1.TYPE, at, new DocumentUploadedV1(documentId(n), clientId(caseNo), caseId(caseNo),
                category, 1, "application/pdf", 1000, "0".repeat(64), "pending-scan"));
        add(subject, DocumentScannedV1.TYPE, at, new DocumentScannedV1(documentId(n), clientId(caseNo), caseId(caseNo),
                category, 1, "0".repeat(64), "clean"));
        for (int v = 2; v <= versions; v++) {
            add(subject, DocumentVersionAddedV1.TYPE, at, new DocumentVersionAddedV1(documentId(n), clientId(caseNo),
                    caseId(caseNo), category, v, "application/pdf", 1000, "1".repeat(64), "pending-scan"));
        }
        if (deleted) {
            add(subject, DocumentDeletedV1.TYPE, at, new DocumentDeletedV1(documentId(n), clientId(caseNo),
                    caseId(caseNo), category, versions));
        }
    }

    private void add(String subject, String type, Instant time, Object data) {
        long sequence = sequences.merge(subject, 1L, Long::sum);
        events.add(CloudEvent.of("/trellis/test", type, subject, time, tenant, sequence, json.valueToTree(data)));
    }
}
