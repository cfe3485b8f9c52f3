package app.trellis.document.event;

import app.trellis.platform.access.CaseAccessCopy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * document-service's copy of case access: who may see a document follows its case (or, for a document filed on
 * the client only, its client), decided by the platform's access rule over this copy, never by reading
 * case-service's schema or calling it.
 */
@ApplicationScoped
public class CaseAccessRecorder extends CaseAccessCopy {
}
