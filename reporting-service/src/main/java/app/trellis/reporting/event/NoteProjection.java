package app.trellis.reporting.event;

import app.trellis.platform.contracts.NoteAddedV1;
import app.trellis.platform.event.CloudEvent;
import app.trellis.reporting.repository.NoteViewRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/** Notes written on cases (kind and time, never text): contact notes follow up on safety flags. */
@ApplicationScoped
public class NoteProjection implements Projection {

    @Inject
    NoteViewRepository notes;
    @Inject
    ObjectMapper json;

    @Override
    public List<String> tables() {
        return List.of("note_view");
    }

    @Override
    public Set<String> types() {
        return Set.of(NoteAddedV1.TYPE);
    }

    @Override
    public void handle(CloudEvent event) {
        Projection.fitting(event, json, NoteAddedV1.class,
                d -> Projection.present(d.noteId(), d.caseId(), d.clientId(), d.type()))
                .ifPresent(d -> notes.add(event.tenantid(), d, event.time()));
    }
}
