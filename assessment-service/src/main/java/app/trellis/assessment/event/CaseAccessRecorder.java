package app.trellis.assessment.event;

import app.trellis.platform.access.CaseAccessCopy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * assessment-service's copy of case access: who may see an assessment follows its case, decided by the
 * platform's access rule over this copy, never by reading case-service's schema or calling it.
 */
@ApplicationScoped
public class CaseAccessRecorder extends CaseAccessCopy {
}
