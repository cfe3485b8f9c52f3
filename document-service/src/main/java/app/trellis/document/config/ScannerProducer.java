package app.trellis.document.config;

import app.trellis.document.service.AlwaysCleanScanner;
import app.trellis.document.service.ClamdScanner;
import app.trellis.document.service.MalwareScanner;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The scanner the configuration names; an unknown name stops the service at start rather than skip scans. */
public class ScannerProducer {

    @Produces
    @Singleton
    MalwareScanner scanner(DocumentsConfig config) {
        DocumentsConfig.Scan scan = config.scan();
        return switch (scan.scanner()) {
            case "always-clean" -> new AlwaysCleanScanner();
            case "clamd" -> new ClamdScanner(scan.clamdHost(), scan.clamdPort(), scan.clamdTimeout());
            default -> throw new IllegalStateException("trellis.documents.scan.scanner must be always-clean or clamd, not "
                    + scan.scanner());
        };
    }
}
