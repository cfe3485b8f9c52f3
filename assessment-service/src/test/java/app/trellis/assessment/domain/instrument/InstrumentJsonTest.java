package app.trellis.assessment.domain.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.trellis.platform.problem.FieldError;
import app.trellis.platform.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The stored JSON form of a definition, and the library seeds written in it. */
class InstrumentJsonTest {

    static final List<String> SEEDS = InstrumentLibrary.SEEDS;

    @ParameterizedTest
    @FieldSource("SEEDS")
    void aSeedWrittenAndReadAgainIsEqual(String seed) {
        InstrumentDefinition definition = InstrumentLibrary.load(seed);

        assertEquals(definition, InstrumentJson.read(InstrumentJson.writeString(definition)));
    }

    @Test
    void theLibraryHoldsPhq9Gad7AndTheFunctionalScreen() {
        assertEquals(List.of("https://trellis.app/fhir/Questionnaire/phq-9|1",
                        "https://trellis.app/fhir/Questionnaire/gad-7|1",
                        "https://trellis.app/fhir/Questionnaire/functional-screen|1"),
                InstrumentLibrary.definitions().stream().map(InstrumentDefinition::canonical).toList());
    }

    @Test
    void phq9HasThePublishedItemsAndResponseOptions() {
        InstrumentDefinition phq9 = InstrumentLibrary.load("instruments/phq-9.json");
        List<InstrumentDefinition.Item> items = phq9.items().get(0).items();

        assertEquals(9, items.size());
        assertEquals("Thoughts that you would be better off dead or of hurting yourself in some way",
                items.get(8).text());
        assertEquals(List.of("Not at all", "Several days", "More than half the days", "Nearly every day"),
                items.get(8).options().stream().map(InstrumentDefinition.AnswerOption::display).toList());
        assertEquals(List.of(0, 1, 2, 3),
                items.get(8).options().stream().map(o -> o.weight().intValueExact()).toList());
    }

    @Test
    void textThatIsNotJsonIsRefusedWithoutQuotingIt() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> InstrumentJson.read("{\"url\": \"Jane Roe\",\n oops"));

        assertEquals(List.of(new FieldError("", "The instrument definition is not JSON (line 2)")), problem.errors());
    }
}
