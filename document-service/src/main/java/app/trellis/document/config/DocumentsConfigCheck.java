package app.trellis.document.config;

import app.trellis.document.service.MalwareScanner;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;

/** Settings that must hold before the service takes a request, checked at start rather than at first use. */
@ApplicationScoped
public class DocumentsConfigCheck {

    static final Duration LONGEST_DOWNLOAD_URL = Duration.ofMinutes(5);

    @Inject
    DocumentsConfig config;
    // Injecting the scanner makes its producer run now: an unknown scanner name stops the start.
    @Inject
    MalwareScanner scanner;

    void check(@Observes StartupEvent start) {
        if (config.downloadUrlExpiry().compareTo(LONGEST_DOWNLOAD_URL) > 0) {
            throw new IllegalStateException("trellis.documents.download-url-expiry may be at most 5 minutes");
        }
    }
}
