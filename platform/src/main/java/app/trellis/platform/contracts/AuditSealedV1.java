package app.trellis.platform.contracts;

import java.util.List;

/**
 * {@code app.trellis.audit.sealed.v1}, subject {@code audit/<tenant>}, {@code sequence} = {@code firstPosition}:
 * a run of consecutive records of a tenant's audit chain, sealed in one commit, for the consolidated trail
 * in reporting. One event per sealed run (not per record), so a busy tenant's reads do not multiply outbox
 * rows. Runs arrive in any order; a consumer orders records by position and checks continuity: each record's
 * {@code previousHash} is the {@code hash} of the record before it, across runs too.
 *
 * @param firstPosition position of the first record of the run
 * @param lastPosition  position of the last record; {@code records} holds every position in between
 * @param records       the records, in position order, each shaped as {@link AuditRecordedV1}
 */
public record AuditSealedV1(long firstPosition, long lastPosition, List<AuditRecordedV1> records) {
    public static final String TYPE = "app.trellis.audit.sealed.v1";
}
