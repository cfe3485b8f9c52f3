package app.trellis.platform.jdbc;

import app.trellis.platform.jdbc.Privilege.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a service's runtime account may hold, and nothing more: SELECT on its own schema; INSERT, UPDATE and
 * DELETE table by table, except on the append-only tables (the audit trail: INSERT only, so not even a
 * compromised service can rewrite history) and Liquibase's own tables (no writes); no grant option, no DDL,
 * nothing on another schema or the server, no roles. MySQL cannot subtract from a schema grant, hence the row
 * writes per table. The migrate step grants and revokes by this policy; the service refuses to start against it.
 */
public final class GrantPolicy {

    private static final Set<String> ROW_WRITES = Set.of("INSERT", "UPDATE", "DELETE");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_$]{1,64}");
    private static final Pattern PRIVILEGE = Pattern.compile("[A-Z][A-Z ]{1,40}");

    private final String schema;
    private final Set<String> appendOnly;

    public GrantPolicy(String schema, Collection<String> appendOnlyTables) {
        this.schema = identifier(schema);
        this.appendOnly = appendOnlyTables.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(
                java.util.stream.Collectors.toUnmodifiableSet());
    }

    public String schema() {
        return schema;
    }

    /** The row privileges one table of the schema gets; none for Liquibase's bookkeeping tables. */
    public Set<String> tablePrivileges(String table) {
        String name = table.toLowerCase(Locale.ROOT);
        if (name.startsWith("databasechangelog")) {
            return Set.of();
        }
        return appendOnly.contains(name) ? Set.of("INSERT") : ROW_WRITES;
    }

    /** Whether the runtime account may hold this privilege. */
    public boolean allows(Privilege p) {
        if (p.grantable()) {
            return false;
        }
        return switch (p.level()) {
            case GLOBAL -> p.type().equals("USAGE");
            case SCHEMA -> ownSchema(p) && p.type().equals("SELECT");
            case TABLE, COLUMN -> ownSchema(p) && (p.type().equals("SELECT") || tablePrivileges(p.table()).contains(p.type()));
            case ROLE -> false;
        };
    }

    /** What the account holds beyond this policy. */
    public List<Privilege> surplus(Collection<Privilege> held) {
        return held.stream().filter(p -> !allows(p)).toList();
    }

    /** Whether the schema's owner (the migration user) can take this privilege back; otherwise an administrator must. */
    public boolean revocable(Privilege p) {
        return p.level() != Level.GLOBAL && p.level() != Level.ROLE && ownSchema(p)
                && PRIVILEGE.matcher(p.type()).matches()
                && (p.table() == null || IDENTIFIER.matcher(p.table()).matches())
                && (p.column() == null || IDENTIFIER.matcher(p.column()).matches());
    }

    /** The statements that take a surplus privilege back from {@code account}: the privilege, its grant option, or both. */
    public List<String> revokeStatements(Privilege p, String account) {
        if (!revocable(p)) {
            throw new IllegalArgumentException("not revocable by the schema owner: " + p.describe());
        }
        String target = switch (p.level()) {
            case SCHEMA -> "`" + schema + "`.*";
            default -> "`" + schema + "`.`" + p.table() + "`";
        };
        String columns = p.level() == Level.COLUMN ? " (`" + p.column() + "`)" : "";
        List<String> statements = new ArrayList<>();
        boolean typeAllowed = allows(new Privilege(p.level(), p.schema(), p.table(), p.column(), p.type(), false));
        if (!typeAllowed) {
            statements.add("REVOKE " + p.type() + columns + " ON " + target + " FROM " + account);
        }
        if (p.grantable()) {
            statements.add("REVOKE GRANT OPTION ON " + target + " FROM " + account);
        }
        return statements;
    }

    /** The GRANT statements that give {@code account} what the policy allows and it does not hold yet. */
    public List<String> missingGrants(Collection<Privilege> held, Collection<String> tables, String account) {
        List<String> statements = new ArrayList<>();
        boolean reads = held.stream().anyMatch(p -> p.level() == Level.SCHEMA && ownSchema(p) && p.type().equals("SELECT"));
        if (!reads) {
            statements.add("GRANT SELECT ON `" + schema + "`.* TO " + account);
        }
        for (String table : tables) {
            List<String> missing = new ArrayList<>();
            for (String type : List.of("INSERT", "UPDATE", "DELETE")) {
                if (tablePrivileges(table).contains(type) && held.stream().noneMatch(p -> p.level() == Level.TABLE
                        && ownSchema(p) && table.equalsIgnoreCase(p.table()) && p.type().equals(type))) {
                    missing.add(type);
                }
            }
            if (!missing.isEmpty()) {
                statements.add("GRANT " + String.join(", ", missing) + " ON `" + schema + "`.`" + identifier(table)
                        + "` TO " + account);
            }
        }
        return statements;
    }

    /** A schema grant may name a pattern ({@code trellis\_case}); only the schema itself counts as own. */
    private boolean ownSchema(Privilege p) {
        return p.schema() != null && p.schema().replace("\\", "").equals(schema);
    }

    private static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain identifier: " + name);
        }
        return name;
    }
}
