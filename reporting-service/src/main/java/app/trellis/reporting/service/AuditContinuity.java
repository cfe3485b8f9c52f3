package app.trellis.reporting.service;

import app.trellis.reporting.domain.ChainContinuity;
import app.trellis.reporting.domain.ChainContinuity.Break;
import app.trellis.reporting.domain.ChainContinuity.Kind;
import app.trellis.reporting.domain.ChainLink;
import app.trellis.reporting.repository.AuditTrailRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the copy of each service's published audit chain: positions from 1 without a gap, each record's previous
 * hash equal to the hash of the record before it (GENESIS before the first), and each record's columns equal to
 * the payload it was published with. Reporting cannot recompute the hashes (they are keyed by the producer), so
 * an altered record shows as a broken link to its successor, or as columns that differ from the payload; a
 * removed one as a gap. Walks in pages, in constant memory.
 */
@ApplicationScoped
public class AuditContinuity {

    private static final int PAGE = 1000;
    /** Breaks listed per chain; a chain with more is broken beyond doubt and the rest would only be noise. */
    private static final int MAX_BREAKS = 100;
    private static final String GENESIS = "GENESIS";

    @Inject
    AuditTrailRepository trail;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ChainContinuity> check(String tenant) {
        return trail.sources(tenant).stream().map(source -> check(source, tenant)).toList();
    }

    private ChainContinuity check(String source, String tenant) {
        List<Break> breaks = new ArrayList<>();
        long expected = 1;
        long records = 0;
        String previousHash = GENESIS;
        while (breaks.size() <= MAX_BREAKS) {
            List<ChainLink> page = trail.chain(source, tenant, expected, PAGE);
            for (ChainLink link : page) {
                if (link.position() > expected) {
                    breaks.add(new Break(Kind.MISSING, expected, link.position() - expected));
                    previousHash = null;
                }
                if (!link.matchesWhatWasPublished()) {
                    breaks.add(new Break(Kind.ALTERED, link.position(), 1));
                }
                if (previousHash != null && !previousHash.equals(link.previousHash())) {
                    breaks.add(new Break(Kind.BROKEN_LINK, link.position(), 1));
                }
                previousHash = link.hash();
                expected = link.position() + 1;
                records++;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        boolean truncated = breaks.size() > MAX_BREAKS;
        return new ChainContinuity(source, records, expected - 1,
                truncated ? breaks.subList(0, MAX_BREAKS) : breaks, truncated);
    }
}
