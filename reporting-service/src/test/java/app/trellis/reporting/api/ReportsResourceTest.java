package app.trellis.reporting.api;

import static app.trellis.reporting.KnownEvents.CARE;
import static app.trellis.reporting.KnownEvents.GAD;
import static app.trellis.reporting.KnownEvents.GAD_URL;
import static app.trellis.reporting.KnownEvents.HOUSING;
import static app.trellis.reporting.KnownEvents.NED;
import static app.trellis.reporting.KnownEvents.NORA;
import static app.trellis.reporting.KnownEvents.PHQ;
import static app.trellis.reporting.KnownEvents.PHQ_URL;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.testing.TestTokens;
import app.trellis.reporting.KnownEvents;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each report over a known history ({@link KnownEvents}), with the numbers it must give, as JSON and as CSV; the
 * filters, paging, bad filters, tenant isolation and who may read reports.
 */
@QuarkusTest
class ReportsResourceTest {

    private static final String TENANT = "t-" + UUID.randomUUID().toString().substring(0, 8);
    /** Another tenant with the same history plus one case: never in the first tenant's reports. */
    private static final String OTHER = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Instant NOW = Instant.now();
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    private static boolean loaded;

    @Inject
    EventConsumer consumer;
    @Inject
    ObjectMapper json;

    @BeforeEach
    void loadTheHistoryOnce() {
        if (!loaded) {
            KnownEvents.story(TENANT, json, NOW).forEach(consumer::apply);
            KnownEvents.story(OTHER, json, NOW).forEach(consumer::apply);
            loaded = true;
        }
    }

    @Test
    void caseloadByCaseManager() {
        json("caseload").body("items.caseManager", contains(NED, NORA))
                .body("items.referred", contains(1, 0)).body("items.open", contains(0, 2))
                .body("items.onHold", contains(1, 0)).body("items.total", contains(2, 2))
                .body("nextCursor", nullValue());
        json("caseload", "program", CARE).body("items.caseManager", contains(NED, NORA))
                .body("items.onHold", contains(1, 0)).body("items.open", contains(0, 1));
        assertEquals("caseManager,referred,open,onHold,total\r\n" + NED + ",1,0,1,2\r\n" + NORA + ",0,2,0,2\r\n",
                csv("caseload"));
    }

    @Test
    void aLongReportComesInPagesAndCsvGivesEveryRow() {
        String next = json("caseload", "limit", 1).body("items.caseManager", contains(NED))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        json("caseload", "limit", 1, "cursor", next).body("items.caseManager", contains(NORA))
                .body("nextCursor", nullValue());
        assertEquals("caseManager,referred,open,onHold,total\r\n" + NORA + ",0,2,0,2\r\n",
                csv("caseload", "cursor", next), "CSV reads on from the cursor to the end");
    }

    @Test
    void casesOpenedAndClosedPerProgramAndMonth() {
        json("cases-by-month").body("items.program", contains(CARE, CARE, HOUSING))
                .body("items.month", contains("2026-01", "2026-02", "2026-03"))
                .body("items.opened", contains(2, 1, 1)).body("items.closed", contains(0, 1, 0));
        json("cases-by-month", "from", "2026-02-01", "to", "2026-02-28", "caseManager", NORA)
                .body("items.month", contains("2026-02")).body("items.opened", contains(0))
                .body("items.closed", contains(1));
        assertEquals("program,month,opened,closed\r\n" + CARE + ",2026-01,2,0\r\n" + CARE + ",2026-02,1,1\r\n"
                + HOUSING + ",2026-03,1,0\r\n", csv("cases-by-month"));
    }

    @Test
    void overdueAssessmentsByCaseManager() {
        json("overdue-assessments").body("items.caseManager", contains(NED, NORA))
                .body("items.overdue", contains(1, 1)).body("items.clients", contains(1, 1))
                .body("items.oldestDueDate", contains(TODAY.minusDays(5).toString(), TODAY.minusDays(10).toString()));
        json("overdue-assessments", "caseManager", NORA, "from", TODAY.minusDays(9).toString())
                .body("items", empty());
        assertEquals("caseManager,overdue,clients,oldestDueDate\r\n" + NED + ",1,1," + TODAY.minusDays(5) + "\r\n"
                + NORA + ",1,1," + TODAY.minusDays(10) + "\r\n", csv("overdue-assessments"));
    }

    @Test
    void scoreDistributionPerInstrumentLeavesCorrectedResultsOut() {
        json("scores/distribution", "from", "2026-01-01", "to", "2026-03-31")
                .body("items.instrumentId", contains(PHQ.toString(), PHQ.toString(), PHQ.toString(), GAD.toString()))
                .body("items.instrument", contains(PHQ_URL, PHQ_URL, PHQ_URL, GAD_URL))
                .body("items.band", contains("mild", "moderate", "severe", "mild"))
                .body("items.assessments", contains(1, 1, 1, 1));
        json("scores/distribution", "program", HOUSING).body("items.band", contains("mild", "severe"))
                .body("items.assessments", contains(1, 1));
        assertEquals("instrumentId,instrument,band,assessments\r\n" + GAD + "," + GAD_URL + ",mild,1\r\n" + GAD + ","
                + GAD_URL + ",severe,1\r\n", csv("scores/distribution", "program", HOUSING));
    }

    @Test
    void scoreTrendPerInstrumentAndMonth() {
        json("scores/trend", "from", "2026-01-01", "to", "2026-03-31")
                .body("items.month", contains("2026-01", "2026-02", "2026-03"))
                .body("items.instrumentId", contains(PHQ.toString(), PHQ.toString(), GAD.toString()))
                .body("items.assessments", contains(2, 1, 1))
                .body("items.averageTotal", contains(new BigDecimal("8.5"), 20, 9))
                .body("items.minTotal", contains(5, 20, 9)).body("items.maxTotal", contains(12, 20, 9));
        assertEquals("instrumentId,instrument,month,assessments,averageTotal,minTotal,maxTotal\r\n"
                + PHQ + "," + PHQ_URL + ",2026-01,2,8.5,5,12\r\n" + PHQ + "," + PHQ_URL + ",2026-02,1,20,20,20\r\n"
                + GAD + "," + GAD_URL + ",2026-03,1,9,9,9\r\n", csv("scores/trend", "from", "2026-01-01", "to", "2026-03-31"));
    }

    @Test
    void timeFromOpeningToFirstAssessmentMedianAndNinetiethPercentile() {
        json("time-to-first-assessment").body("items.program", contains(CARE, HOUSING))
                .body("items.casesOpened", contains(3, 1)).body("items.assessed", contains(3, 1))
                .body("items.medianDays", contains(4, new BigDecimal("1.5")))
                .body("items.p90Days", contains(new BigDecimal("8.8"), new BigDecimal("1.5")));
        json("time-to-first-assessment", "from", "2026-01-10", "to", "2026-02-28")
                .body("items.casesOpened", contains(2)).body("items.medianDays", contains(7))
                .body("items.p90Days", contains(new BigDecimal("9.4")));
        json("time-to-first-assessment", "limit", 1, "cursor", json("time-to-first-assessment", "limit", 1)
                .extract().path("nextCursor")).body("items.program", contains(HOUSING)).body("nextCursor", nullValue());
        assertEquals("program,casesOpened,assessed,medianDays,p90Days\r\n" + CARE + ",3,3,4,8.8\r\n" + HOUSING
                + ",1,1,1.5,1.5\r\n", csv("time-to-first-assessment"));
    }

    @Test
    void safetyFlagsNotFollowedByAContactNoteWithinTheDays() {
        json("safety-follow-ups").body("items.clientId", contains(KnownEvents.clientId(1).toString()))
                .body("items.assessmentId", contains(KnownEvents.assessmentId(1).toString()))
                .body("items.flag", contains("safety-risk"))
                .body("items.flaggedAt", contains("2026-01-07T10:00:00Z"))
                .body("items.followUpDue", contains("2026-01-09T10:00:00Z"))
                .body("items.caseManager", contains(NORA));
        json("safety-follow-ups", "withinDays", 15).body("items", empty());
        json("safety-follow-ups", "withinDays", 0).body("items.assessmentId", contains(
                KnownEvents.assessmentId(1).toString(), KnownEvents.assessmentId(3).toString(),
                KnownEvents.assessmentId(7).toString()));
        assertEquals("clientId,caseId,assessmentId,instrumentId,flag,flaggedAt,followUpDue,caseManager\r\n"
                + KnownEvents.clientId(1) + "," + KnownEvents.caseId(1) + "," + KnownEvents.assessmentId(1) + "," + PHQ
                + ",safety-risk,2026-01-07T10:00:00Z,2026-01-09T10:00:00Z," + NORA + "\r\n", csv("safety-follow-ups"));
    }

    @Test
    void consentsExpiringWithQuotedCsvFields() {
        json("consents-expiring").body("items.consentId", contains(KnownEvents.consentId(1).toString(),
                        KnownEvents.consentId(4).toString()))
                .body("items.partner", contains("partner-north", "Hope \"North\", Inc"))
                .body("items.expiryDate", contains(TODAY.plusDays(10).toString(), TODAY.plusDays(20).toString()));
        json("consents-expiring", "to", TODAY.plusDays(60).toString()).body("items.type",
                contains("data-sharing", "data-sharing", "treatment"));
        json("consents-expiring", "program", HOUSING).body("items", empty());
        assertEquals("consentId,clientId,type,partner,effectiveDate,expiryDate\r\n"
                + KnownEvents.consentId(1) + "," + KnownEvents.clientId(1) + ",data-sharing,partner-north,2026-01-01,"
                + TODAY.plusDays(10) + "\r\n" + KnownEvents.consentId(4) + "," + KnownEvents.clientId(1)
                + ",data-sharing,\"Hope \"\"North\"\", Inc\",2026-01-01," + TODAY.plusDays(20) + "\r\n",
                csv("consents-expiring"));
    }

    @Test
    void documentsPerCaseAndCategory() {
        json("documents").body("items.caseId", contains(KnownEvents.caseId(1).toString(),
                        KnownEvents.caseId(3).toString()))
                .body("items.category", contains("intake", "medical")).body("items.documents", contains(2, 1))
                .body("items.versions", contains(3, 1));
        assertEquals("caseId,category,documents,versions\r\n" + KnownEvents.caseId(1) + ",intake,2,3\r\n"
                + KnownEvents.caseId(3) + ",medical,1,1\r\n", csv("documents"));
    }

    @Test
    void anotherTenantsSupervisorSeesOnlyTheirOwn() {
        String other = TestTokens.user(OTHER, "ruth", "supervisor");
        given().auth().oauth2(other).get("/api/v1/reports/caseload").then().statusCode(200)
                .body("items.total", contains(2, 2));
        String stranger = TestTokens.user("t-" + UUID.randomUUID().toString().substring(0, 8), "ruth", "supervisor");
        for (String report : new String[] {"caseload", "cases-by-month", "overdue-assessments", "scores/distribution",
                "scores/trend", "time-to-first-assessment", "safety-follow-ups", "consents-expiring", "documents"}) {
            given().auth().oauth2(stranger).get("/api/v1/reports/" + report).then().statusCode(200)
                    .body("items", empty());
        }
    }

    @Test
    void onlySupervisorsReadReports() {
        given().get("/api/v1/reports/caseload").then().statusCode(401).contentType("application/problem+json");
        for (String role : new String[] {"case-manager", "assessor", "auditor", "tenant-admin"}) {
            given().auth().oauth2(TestTokens.user(TENANT, "nora", role)).get("/api/v1/reports/caseload").then()
                    .statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.partner(TENANT, "reporting-north", "feed.read"))
                .get("/api/v1/reports/caseload").then().statusCode(403);
    }

    @Test
    void badFiltersAreProblemsAlsoWhenCsvIsAsked() {
        bad("from", "from", "2026-13-01");
        bad("to", "from", "2026-03-01", "to", "2026-02-01");
        bad("program", "program", "Not A Program");
        bad("limit", "limit", 0);
        bad("cursor", "cursor", "not-a-cursor");
        bad("withinDays", "withinDays", -1);
        given().spec(supervisor()).accept("text/csv").queryParam("from", "yesterday")
                .get("/api/v1/reports/safety-follow-ups").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
    }

    private void bad(String field, Object... params) {
        json("safety-follow-ups", 400, params).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors[0].field", equalTo(field));
    }

    private RequestSpecification supervisor() {
        return given().auth().oauth2(TestTokens.user(TENANT, "sam", "supervisor"))
                .config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                        .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    private ValidatableResponse json(String report, Object... params) {
        return json(report, 200, params);
    }

    private ValidatableResponse json(String report, int status, Object... params) {
        RequestSpecification request = supervisor();
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam((String) params[i], params[i + 1]);
        }
        return request.get("/api/v1/reports/" + report).then().statusCode(status);
    }

    private String csv(String report, Object... params) {
        RequestSpecification request = supervisor().accept("text/csv");
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam((String) params[i], params[i + 1]);
        }
        return request.get("/api/v1/reports/" + report).then().statusCode(200).contentType("text/csv")
                .extract().asString();
    }
}
