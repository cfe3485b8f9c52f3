package app.trellis.reporting.repository;

import app.trellis.platform.contracts.NoteAddedV1;
import app.trellis.platform.jdbc.Jdbc;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** Writes of {@code note_view} (see 004-projections.sql). */
@ApplicationScoped
public class NoteViewRepository {

    @Inject
    AgroalDataSource db;

    /** A note is written once; a repeat hits the key and is ignored. */
    public void add(String tenant, NoteAddedV1 note, Instant writtenAt) {
        Jdbc.update(db, "note_view insert", "INSERT IGNORE INTO note_view (tenant_id, note_id, case_id, client_id, type,"
                + " written_at) VALUES (?, ?, ?, ?, ?, ?)", tenant, note.noteId().toString(), note.caseId().toString(),
                note.clientId().toString(), note.type(), writtenAt);
    }
}
