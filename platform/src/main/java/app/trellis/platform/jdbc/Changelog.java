package app.trellis.platform.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * The service's Liquibase changelog (in the jar) against the schema's DATABASECHANGELOG: runs the changes as the
 * schema's owner, and tells the running service, which may only read, whether its schema is up to date.
 */
public final class Changelog {

    private static final int NO_SUCH_TABLE = 1146;

    private final String path;

    public Changelog(String path) {
        this.path = path;
    }

    /** Applies every change set not applied yet, on the owner's connection; returns how many ran. */
    public int update(Connection owner) throws Exception {
        int before = applied(owner).size();
        inScope(accessor -> {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(owner));
            new Liquibase(path, accessor, database).update(new Contexts(), new LabelExpression());
            return null;
        });
        return applied(owner).size() - before;
    }

    /** Every change set of the changelog, as {@code file::id::author}, in order. */
    public List<String> changeSets() throws Exception {
        return inScope(accessor -> ChangeLogParserFactory.getInstance().getParser(path, accessor)
                .parse(path, new ChangeLogParameters(), accessor).getChangeSets().stream()
                .map(Changelog::key).toList());
    }

    /** The change sets of the changelog that the schema has not applied (empty when it is up to date). */
    public List<String> pending(Connection c) throws Exception {
        Set<String> applied = applied(c);
        return changeSets().stream().filter(k -> !applied.contains(k)).toList();
    }

    /** The change sets the schema records as applied; none when Liquibase never ran here. */
    public static Set<String> applied(Connection c) throws SQLException {
        Set<String> applied = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT FILENAME, ID, AUTHOR FROM DATABASECHANGELOG");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                applied.add(key(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        } catch (SQLException e) {
            if (e.getErrorCode() != NO_SUCH_TABLE) {
                throw e;
            }
        }
        return applied;
    }

    private static String key(ChangeSet cs) {
        return key(cs.getStoredFilePath(), cs.getId(), cs.getAuthor());
    }

    private static String key(String file, String id, String author) {
        String f = file.startsWith("classpath:") ? file.substring("classpath:".length()) : file;
        return (f.startsWith("/") ? f.substring(1) : f) + "::" + id + "::" + author;
    }

    private interface WithAccessor<T> {
        T run(ClassLoaderResourceAccessor accessor) throws Exception;
    }

    /** Liquibase reads the changelog from the jar; its console summary goes to the log; no analytics calls home. */
    private static <T> T inScope(WithAccessor<T> work) throws Exception {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (ClassLoaderResourceAccessor accessor = new ClassLoaderResourceAccessor(
                loader != null ? loader : Changelog.class.getClassLoader())) {
            Map<String, Object> scope = new LinkedHashMap<>();
            scope.put(Scope.Attr.resourceAccessor.name(), accessor);
            scope.put(Scope.Attr.ui.name(), new LoggerUIService());
            scope.put("liquibase.analytics.enabled", false);
            return Scope.child(scope, () -> work.run(accessor));
        }
    }
}
