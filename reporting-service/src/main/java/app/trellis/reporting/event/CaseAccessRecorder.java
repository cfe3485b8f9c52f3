package app.trellis.reporting.event;

import app.trellis.platform.access.CaseAccessCopy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * reporting-service's copy of case access: which client a case serves (so events naming only their case are
 * filed under the client) and which partners a client's data-sharing consent names (so partner subscribers of
 * the feed see those clients only), decided by the platform's access rule as in every other service.
 */
@ApplicationScoped
public class CaseAccessRecorder extends CaseAccessCopy {
}
