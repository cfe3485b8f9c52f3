package app.trellis.platform.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.platform.jdbc.Privilege.Level;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The runtime account's policy, without a database: what it may hold, and how the surplus is taken back. */
class GrantPolicyTest {

    private static final String ACCOUNT = "'case_service'@'%'";
    private final GrantPolicy policy = new GrantPolicy("trellis_case", Set.of("audit_record"));

    @Test
    void rowWritesPerTableAndSchemaReadsAreAllowedButNotOnTheAuditTrailOrLiquibasesTables() {
        assertTrue(policy.allows(schema("SELECT", false)));
        assertTrue(policy.allows(table("client", "UPDATE", false)));
        assertTrue(policy.allows(table("audit_record", "INSERT", false)));
        assertTrue(policy.allows(new Privilege(Level.GLOBAL, null, null, null, "USAGE", false)));

        assertFalse(policy.allows(table("audit_record", "UPDATE", false)));
        assertFalse(policy.allows(table("DATABASECHANGELOG", "INSERT", false)));
        assertFalse(policy.allows(schema("INSERT", false)), "a schema-wide write would reach the audit trail");
        assertFalse(policy.allows(schema("ALTER", false)));
        assertFalse(policy.allows(table("client", "UPDATE", true)), "no grant option");
        assertFalse(policy.allows(new Privilege(Level.SCHEMA, "trellis_assessment", null, null, "SELECT", false)));
        assertFalse(policy.allows(new Privilege(Level.GLOBAL, null, null, null, "SELECT", false)));
        assertFalse(policy.allows(new Privilege(Level.ROLE, null, null, null, "dba", false)));
    }

    @Test
    void anAllowedPrivilegeHeldWithTheGrantOptionLosesOnlyTheGrantOption() {
        assertEquals(List.of("REVOKE GRANT OPTION ON `trellis_case`.`client` FROM " + ACCOUNT),
                policy.revokeStatements(table("client", "UPDATE", true), ACCOUNT));
        assertEquals(List.of("REVOKE ALTER ON `trellis_case`.* FROM " + ACCOUNT,
                        "REVOKE GRANT OPTION ON `trellis_case`.* FROM " + ACCOUNT),
                policy.revokeStatements(schema("ALTER", true), ACCOUNT));
    }

    @Test
    void whatLiesBeyondTheSchemaIsLeftToAnAdministrator() {
        Privilege otherSchema = new Privilege(Level.SCHEMA, "trellis_assessment", null, null, "SELECT", false);
        assertFalse(policy.revocable(otherSchema));
        assertFalse(policy.revocable(new Privilege(Level.GLOBAL, null, null, null, "PROCESS", false)));
        assertThrows(IllegalArgumentException.class, () -> policy.revokeStatements(otherSchema, ACCOUNT));
        assertTrue(policy.revocable(new Privilege(Level.SCHEMA, "trellis\\_case", null, null, "DROP", false)),
                "an escaped pattern naming the schema itself is the schema");
    }

    @Test
    void missingGrantsComeTableByTableWithoutLiquibasesTables() {
        List<String> grants = policy.missingGrants(List.of(schema("SELECT", false), table("client", "INSERT", false)),
                List.of("client", "audit_record", "DATABASECHANGELOG"), ACCOUNT);

        assertEquals(List.of("GRANT UPDATE, DELETE ON `trellis_case`.`client` TO " + ACCOUNT,
                "GRANT INSERT ON `trellis_case`.`audit_record` TO " + ACCOUNT), grants);
    }

    private static Privilege schema(String type, boolean grantable) {
        return new Privilege(Level.SCHEMA, "trellis_case", null, null, type, grantable);
    }

    private static Privilege table(String table, String type, boolean grantable) {
        return new Privilege(Level.TABLE, "trellis_case", table, null, type, grantable);
    }
}
