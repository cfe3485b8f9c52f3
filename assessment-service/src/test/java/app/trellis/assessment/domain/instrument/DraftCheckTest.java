package app.trellis.assessment.domain.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.platform.problem.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A draft's answers: shape and types are checked, completeness and enablement wait for the submission. */
class DraftCheckTest {

    private static final CompiledInstrument SCREEN = Answers.seed("functional-screen");

    @Test
    void aDraftMayLeaveRequiredItemsOpenAndAnswerItemsNotYetEnabled() {
        Evaluation draft = ScoringEngine.checkDraft(SCREEN, Answers.json("{'mobility-aid': false, 'mobility-aid-type': 'cane'}"));
        assertTrue(draft.isValid());
        assertNull(draft.score(), "a draft is not scored");
        assertEquals(List.of("mobility-aid", "mobility-aid-type"), List.copyOf(draft.answers().keySet()));

        Evaluation submitted = Answers.evaluate(SCREEN, "{'mobility-aid': false, 'mobility-aid-type': 'cane'}");
        assertTrue(submitted.problems().contains(new FieldError("answers.mobility-aid-type",
                "is not enabled by the other answers, so it takes no answer")));
    }

    @Test
    void aDraftIsRefusedUnknownItemsWrongTypesAndOptionsOutsideTheList() {
        Evaluation draft = ScoringEngine.checkDraft(SCREEN,
                Answers.json("{'nope': 1, 'falls-count': 'many', 'adl-bathing': 'flying'}"));
        assertEquals(List.of("answers.nope", "answers.adl-bathing", "answers.falls-count"),
                draft.problems().stream().map(FieldError::field).toList());
    }
}
