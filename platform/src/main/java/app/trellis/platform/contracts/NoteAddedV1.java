package app.trellis.platform.contracts;

import java.util.UUID;

/**
 * {@code app.trellis.note.added.v1}, subject {@code case/<caseId>}: a note or an addendum was written.
 * The text stays in case-service.
 *
 * @param type       contact, visit, phone, collateral or addendum
 * @param addendumOf the original note when this is an addendum
 */
public record NoteAddedV1(UUID noteId, UUID caseId, UUID clientId, String type, UUID addendumOf) {
    public static final String TYPE = "app.trellis.note.added.v1";
}
