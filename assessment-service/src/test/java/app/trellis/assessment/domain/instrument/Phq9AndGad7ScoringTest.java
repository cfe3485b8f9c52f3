package app.trellis.assessment.domain.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.trellis.assessment.domain.instrument.AnswerValue.StringValue;
import app.trellis.platform.problem.FieldError;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The published PHQ-9 and GAD-7 scoring: totals, severity bands at every boundary, and their flags. */
class Phq9AndGad7ScoringTest {

    private static final CompiledInstrument PHQ9 = Answers.seed("phq-9");
    private static final CompiledInstrument GAD7 = Answers.seed("gad-7");

    @ParameterizedTest(name = "PHQ-9 {0} -> total {1}, {2}, flags [{3}]")
    @CsvSource(delimiter = '|', textBlock = """
            0 0 0 0 0 0 0 0 0 |  0 | minimal           |
            1 1 1 1 0 0 0 0 0 |  4 | minimal           |
            1 1 1 1 1 0 0 0 0 |  5 | mild              |
            3 3 3 0 0 0 0 0 0 |  9 | mild              |
            3 3 3 1 0 0 0 0 0 | 10 | moderate          |
            2 2 2 2 2 2 2 0 0 | 14 | moderate          |
            2 2 2 2 2 2 2 1 0 | 15 | moderately severe |
            3 3 3 3 3 2 2 0 0 | 19 | moderately severe |
            3 3 3 3 3 3 2 0 0 | 20 | severe            |
            3 3 3 3 3 3 3 3 3 | 27 | severe            | safety-risk
            0 0 0 0 0 0 0 0 1 |  1 | minimal           | safety-risk
            0 0 0 0 0 0 0 0 3 |  3 | minimal           | safety-risk
            3 3 3 3 3 3 3 3 0 | 24 | severe            |
            """)
    void phq9TotalsBandsAndTheItem9Flag(String answers, int total, String band, String flags) {
        ScoreResult score = ScoringEngine.evaluate(PHQ9, answers("phq9-", answers)).scoreOrThrow();

        assertEquals(new BigDecimal(total), score.total());
        assertEquals(band, score.band());
        assertEquals(flags == null ? List.of() : List.of(flags), score.flags());
        assertEquals("https://trellis.app/fhir/Questionnaire/phq-9|1", score.instrument());
        assertEquals(ScoringEngine.VERSION, score.engineVersion());
    }

    @ParameterizedTest(name = "GAD-7 {0} -> total {1}, {2}, flags [{3}]")
    @CsvSource(delimiter = '|', textBlock = """
            0 0 0 0 0 0 0 |  0 | minimal  |
            1 1 1 1 0 0 0 |  4 | minimal  |
            1 1 1 1 1 0 0 |  5 | mild     |
            3 3 3 0 0 0 0 |  9 | mild     |
            3 3 3 1 0 0 0 | 10 | moderate | further-evaluation
            2 2 2 2 2 2 2 | 14 | moderate | further-evaluation
            3 2 2 2 2 2 2 | 15 | severe   | further-evaluation
            3 3 3 3 3 3 3 | 21 | severe   | further-evaluation
            """)
    void gad7TotalsAndBands(String answers, int total, String band, String flags) {
        ScoreResult score = ScoringEngine.evaluate(GAD7, answers("gad7-", answers)).scoreOrThrow();

        assertEquals(new BigDecimal(total), score.total());
        assertEquals(band, score.band());
        assertEquals(flags == null ? List.of() : List.of(flags), score.flags());
    }

    @ParameterizedTest(name = "PHQ-9 answered with {0} is refused")
    @CsvSource(delimiter = '|', textBlock = """
            {'phq9-1': '4'}                     | answers.phq9-1 | must be one of the answer options
            {'phq9-1': 2}                       | answers.phq9-1 | must be one of the answer options
            {'phq9-1': ['1', '2']}              | answers.phq9-1 | takes one answer
            {'phq9-problems': '1'}              | answers.phq9-problems | is a group, which takes no answers
            {'phq9-10': '1'}                    | answers.phq9-10 | is not an item of this instrument
            """)
    void phq9RefusesWhatIsNotAnAnswer(String extra, String field, String message) {
        ObjectNode all = (ObjectNode) Answers.json(
                "{'phq9-1': '0', 'phq9-2': '0', 'phq9-3': '0', 'phq9-4': '0', 'phq9-5': '0', 'phq9-6': '0',"
                        + " 'phq9-7': '0', 'phq9-8': '0', 'phq9-9': '0'}");
        all.setAll((ObjectNode) Answers.json(extra));

        Evaluation evaluation = ScoringEngine.evaluate(PHQ9, all);

        assertEquals(1, evaluation.problems().size(), evaluation.problems()::toString);
        assertEquals(field, evaluation.problems().get(0).field());
        assertEquals(message, evaluation.problems().get(0).message());
    }

    @ParameterizedTest(name = "PHQ-9 without {0} names every missing item")
    @CsvSource({"phq9-9", "phq9-1"})
    void everyPhq9ItemIsRequired(String missing) {
        Map<String, List<AnswerValue>> answers = answers("phq9-", "1 1 1 1 1 1 1 1 1");
        answers.remove(missing);

        Evaluation evaluation = ScoringEngine.evaluate(PHQ9, answers);

        assertEquals(List.of(new FieldError("answers." + missing, "is required")),
                evaluation.problems());
        assertNull(evaluation.score());
    }

    /** Answers {@code "0 1 2 ..."} to items {@code prefix1, prefix2, ...} by option code. */
    private static Map<String, List<AnswerValue>> answers(String prefix, String codes) {
        Map<String, List<AnswerValue>> answers = new LinkedHashMap<>();
        String[] each = codes.trim().split("\\s+");
        for (int i = 0; i < each.length; i++) {
            answers.put(prefix + (i + 1), List.of(new StringValue(each[i])));
        }
        return answers;
    }
}
