package app.trellis.cases.service;

import app.trellis.platform.paging.Cursor;
import app.trellis.platform.security.Caller;
import app.trellis.platform.security.Person;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The people who have signed in, by token subject, with the name they last used: an assignment names a
 * person by subject, and this shows whose subject it is. Display only; no access decision reads it.
 * Each instance writes a person's row once per name (and team) it sees, not once per request.
 */
@ApplicationScoped
public class StaffDirectory {

    private static final int MAX_CACHED = 10_000;

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    private final Map<String, String> seen = new ConcurrentHashMap<>();

    /** Notes the calling person (not a partner system) as known under their current name and team. */
    public void noteCaller() {
        if (caller.partner().isPresent() || caller.subject() == null) {
            return;
        }
        String tenant = caller.tenant();
        String subject = caller.subject();
        String name = caller.username();
        String team = caller.team().orElse(null);
        String key = tenant + '\u001f' + subject;
        String value = name + '\u001f' + team;
        if (value.equals(seen.get(key))) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO staff_member"
                        + " (tenant_id, subject, display_name, team, seen_at) VALUES (?1, ?2, ?3, ?4, ?5)"
                        + " ON DUPLICATE KEY UPDATE display_name = VALUES(display_name), team = VALUES(team),"
                        + " seen_at = VALUES(seen_at)")
                .setParameter(1, tenant).setParameter(2, subject).setParameter(3, name).setParameter(4, team)
                .setParameter(5, Timestamp.from(clock.instant())).executeUpdate());
        if (seen.size() > MAX_CACHED) {
            seen.clear();
        }
        seen.put(key, value);
    }

    /** One person as the directory knows them. */
    public record Member(String subject, String name, String team) {
    }

    /**
     * The tenant's people, by name then subject (keyset after {@code afterSubject}'s position), optionally of
     * one team: what a supervisor picks an assignee from.
     */
    public List<Member> members(String tenant, String team, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT subject, display_name, team FROM staff_member WHERE tenant_id = ?1");
        if (team != null) {
            sql.append(" AND team = ?2");
        }
        if (after != null) {
            sql.append(" AND (display_name > ?3 OR (display_name = ?3 AND subject > ?4))");
        }
        sql.append(" ORDER BY display_name, subject LIMIT ").append(limit);
        var query = em.createNativeQuery(sql.toString()).setParameter(1, tenant);
        if (team != null) {
            query.setParameter(2, team);
        }
        if (after != null) {
            query.setParameter(3, after.value(0)).setParameter(4, after.value(1));
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new Member(r[0].toString(), r[1].toString(), r[2] == null ? null : r[2].toString())).toList();
    }

    /** The person with this subject, named as the directory last saw them (no name if never seen). */
    public Person person(String tenant, String subject) {
        if (subject.equals(caller.subject())) {
            return caller.person();
        }
        List<?> names = em.createNativeQuery("SELECT display_name FROM staff_member WHERE tenant_id = ?1 AND subject = ?2")
                .setParameter(1, tenant).setParameter(2, subject).getResultList();
        return new Person(subject, names.isEmpty() ? null : names.get(0).toString());
    }
}
