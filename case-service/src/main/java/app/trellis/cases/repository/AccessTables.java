package app.trellis.cases.repository;

import app.trellis.platform.access.AccessShapes.CaseShape;
import app.trellis.platform.access.AccessShapes.CaseTable;
import app.trellis.platform.access.AccessShapes.ClientShape;
import app.trellis.platform.access.AccessShapes.ConsentTable;
import app.trellis.platform.access.Condition;
import io.quarkus.panache.common.Parameters;

/** Where the access rule finds its facts in case-service's entities (JPQL paths). */
final class AccessTables {

    /** A case in a query that aliases it {@code k}. */
    static final CaseShape CASE_AS_K = new CaseShape("k.assignee", "k.team", "k.clientId");
    /** A client in a query that aliases it {@code c}. */
    static final ClientShape CLIENT_AS_C = new ClientShape("c.id", "c.registeredBy", "c.team");
    static final CaseTable CASES = new CaseTable("CaseFile", "tenantId", "clientId", "assignee", "team");
    static final ConsentTable CONSENTS = new ConsentTable("Consent", "tenantId", "clientId", "type", "partner",
            "status", "effectiveDate", "expiryDate");

    private AccessTables() {
    }

    static void and(StringBuilder where, Parameters params, Condition condition) {
        where.append(" and ").append(condition.text());
        condition.parameters().forEach(params::and);
    }
}
