package app.trellis.assessment.domain.instrument;

import static app.trellis.assessment.domain.instrument.InstrumentVersionStatus.DRAFT;
import static app.trellis.assessment.domain.instrument.InstrumentVersionStatus.PUBLISHED;
import static app.trellis.assessment.domain.instrument.InstrumentVersionStatus.RETIRED;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.trellis.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** draft → published (never changes again) → retired, and no other way. */
class InstrumentVersionStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "DRAFT, PUBLISHED, true", "PUBLISHED, RETIRED, true",
            "DRAFT, RETIRED, false", "PUBLISHED, DRAFT, false", "RETIRED, PUBLISHED, false", "RETIRED, DRAFT, false",
            "DRAFT, DRAFT, false", "PUBLISHED, PUBLISHED, false"})
    void aVersionMovesOnlyForward(InstrumentVersionStatus from, InstrumentVersionStatus to, boolean allowed) {
        if (allowed) {
            assertEquals(to, from.moveTo(to));
        } else {
            ProblemException problem = assertThrows(ProblemException.class, () -> from.moveTo(to));
            assertEquals(409, problem.status());
            assertEquals("conflict/instrument-version-lifecycle", problem.slug());
        }
    }

    @Test
    void onlyADraftChanges() {
        assertDoesNotThrow(DRAFT::requireEditable);
        for (InstrumentVersionStatus status : new InstrumentVersionStatus[] {PUBLISHED, RETIRED}) {
            ProblemException problem = assertThrows(ProblemException.class, status::requireEditable);
            assertEquals("conflict/instrument-version-immutable", problem.slug());
        }
    }
}
