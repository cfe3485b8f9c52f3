package app.trellis.document.service;

import app.trellis.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.tika.Tika;

/**
 * What a file really is, from its bytes (Apache Tika's magic detection), never from its name or the declared
 * type alone: it must be on the allowlist and agree with what the caller declared, else 415 and the upload is
 * refused before anything is stored.
 */
@ApplicationScoped
public class ContentInspector {

    /** How much of the start of a file detection looks at. */
    public static final int SNIFF_BYTES = 64 * 1024;

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final Set<String> ALLOWED = Set.of("application/pdf", "image/png", "image/jpeg", "image/tiff", DOCX,
            "text/plain");
    // Without Tika's parser modules a Word file is detected as an OOXML or plain ZIP container; whether it is a
    // Word document is then decided by its main part (below), not by trusting the declared type.
    private static final Set<String> ZIP_CONTAINERS = Set.of("application/x-tika-ooxml", "application/zip", DOCX);
    private static final Map<String, String> ALIASES = Map.of("image/jpg", "image/jpeg", "image/pjpeg", "image/jpeg",
            "application/x-pdf", "application/pdf");

    private final Tika tika = new Tika();

    /** Opens the file's bytes from the start, as often as the inspection needs them. */
    public interface Source {
        InputStream open() throws IOException;

        /** At least the first {@link #SNIFF_BYTES} (a ranged read where reading all of it would be wasteful). */
        default InputStream openStart() throws IOException {
            return open();
        }
    }

    /** The detected, allowed type; 415 problems when it is not allowed or not what was declared. */
    public String inspect(Source source, String declared) {
        String claimed = normalise(declared);
        String detected;
        try (InputStream in = new BufferedInputStream(source.openStart(), SNIFF_BYTES)) {
            detected = normalise(tika.detect(in));
            if (ZIP_CONTAINERS.contains(detected)) {
                detected = isWordDocument(source) ? DOCX : "application/zip";
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!ALLOWED.contains(detected)) {
            throw notAllowed("The file's content is " + detected);
        }
        if (!detected.equals(claimed)) {
            throw new ProblemException(415, "content-type-mismatch", "Content type does not match the file",
                    "Declared " + (claimed.isEmpty() ? "no type" : claimed) + " but the file's content is " + detected);
        }
        return detected;
    }

    /** 415 unless a declared type is on the allowlist (presigned uploads, before any byte arrives). */
    public void requireAllowed(String type) {
        if (!ALLOWED.contains(normalise(type))) {
            throw notAllowed("The declared type is " + (type == null || type.isBlank() ? "missing" : normalise(type)));
        }
    }

    private static ProblemException notAllowed(String what) {
        return new ProblemException(415, "content-type-not-allowed", "Content type not allowed",
                what + "; allowed are PDF, PNG, JPEG, TIFF, DOCX and plain text");
    }

    public static String normalise(String type) {
        if (type == null) {
            return "";
        }
        int semicolon = type.indexOf(';');
        String bare = (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(bare, bare);
    }

    private static boolean isWordDocument(Source source) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(source.open())) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if ("word/document.xml".equals(entry.getName())) {
                    return true;
                }
            }
            return false;
        } catch (ZipException e) { // not a ZIP after all
            return false;
        }
    }
}
