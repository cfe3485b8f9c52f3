package app.trellis.platform.jdbc;

import app.trellis.platform.problem.ProblemException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.Locale;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Lets a unique key answer "already taken" instead of a count query before every insert: the insert is
 * flushed, and a violation of the named key becomes a 409 problem (the transaction then rolls back).
 */
public final class UniqueKeys {

    private UniqueKeys() {
    }

    public static void flushOrConflict(EntityManager em, String uniqueKey, String rule, String detail) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (violates(e, uniqueKey)) {
                throw ProblemException.conflict(rule, detail);
            }
            throw e;
        }
    }

    private static boolean violates(Throwable e, String uniqueKey) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation) {
                String name = violation.getConstraintName();
                String message = violation.getSQLException() == null ? "" : violation.getSQLException().getMessage();
                return (name != null && name.toLowerCase(Locale.ROOT).contains(uniqueKey))
                        || (message != null && message.contains(uniqueKey));
            }
        }
        return false;
    }
}
