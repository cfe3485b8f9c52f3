package app.trellis.reporting.event;

import app.trellis.platform.contracts.CaseAccessChangedV1;
import app.trellis.platform.contracts.CaseAssignedV1;
import app.trellis.platform.contracts.CaseClosedV1;
import app.trellis.platform.contracts.CaseOpenedV1;
import app.trellis.platform.contracts.CaseStatusChangedV1;
import app.trellis.platform.event.CloudEvent;
import app.trellis.reporting.repository.CaseViewRepository;
import app.trellis.reporting.repository.CaseViewRepository.CaseFacts;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/** Cases by program, status and case manager, and the months they opened and closed in. */
@ApplicationScoped
public class CaseProjection implements Projection {

    private static final Set<String> TYPES = Set.of(CaseStatusChangedV1.TYPE, CaseOpenedV1.TYPE, CaseClosedV1.TYPE,
            CaseAssignedV1.TYPE, CaseAccessChangedV1.TYPE);

    @Inject
    CaseViewRepository cases;
    @Inject
    ObjectMapper json;

    @Override
    public List<String> tables() {
        return List.of("case_view", "case_milestone");
    }

    @Override
    public Set<String> types() {
        return TYPES;
    }

    @Override
    public void handle(CloudEvent event) {
        switch (event.type()) {
            case CaseStatusChangedV1.TYPE -> Projection.fitting(event, json, CaseStatusChangedV1.class,
                    d -> d.caseId() != null && d.to() != null).ifPresent(d -> {
                        CaseFacts status = facts(event).of(d.caseId(), d.clientId()).status(d.to());
                        cases.apply(d.from() == null ? status.created() : status);
                    });
            case CaseOpenedV1.TYPE -> Projection.fitting(event, json, CaseOpenedV1.class,
                    d -> d.caseId() != null && d.program() != null).ifPresent(d -> {
                        cases.apply(facts(event).of(d.caseId(), d.clientId()).program(d.program()).opened());
                        cases.milestone(facts(event).of(d.caseId(), d.clientId()), "opened", d.program());
                    });
            case CaseClosedV1.TYPE -> Projection.fitting(event, json, CaseClosedV1.class,
                    d -> d.caseId() != null && d.program() != null).ifPresent(d -> {
                        cases.apply(facts(event).of(d.caseId(), d.clientId()).program(d.program()));
                        cases.milestone(facts(event).of(d.caseId(), d.clientId()), "closed", d.program());
                    });
            case CaseAssignedV1.TYPE -> Projection.fitting(event, json, CaseAssignedV1.class,
                    d -> d.caseId() != null && d.assignee() != null).ifPresent(d ->
                        cases.apply(facts(event).of(d.caseId(), d.clientId()).assignee(d.assignee(), d.team())));
            default -> Projection.fitting(event, json, CaseAccessChangedV1.class,
                    d -> d.caseId() != null && d.status() != null && d.assignee() != null).ifPresent(d ->
                        cases.apply(facts(event).of(d.caseId(), d.clientId()).status(d.status())
                                .assignee(d.assignee(), d.team())));
        }
    }

    private static CaseFacts facts(CloudEvent event) {
        return new CaseFacts(event.tenantid(), event.sequenceNumber(), event.time());
    }
}
