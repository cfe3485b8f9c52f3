package app.trellis.assessment.domain.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.trellis.assessment.domain.instrument.AnswerValue.BooleanValue;
import app.trellis.assessment.domain.instrument.AnswerValue.CodingValue;
import app.trellis.assessment.domain.instrument.AnswerValue.DateValue;
import app.trellis.assessment.domain.instrument.AnswerValue.NumberValue;
import app.trellis.assessment.domain.instrument.AnswerValue.StringValue;
import app.trellis.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every item type takes only answers of its type; what is refused is named by linkId and rule only. */
class AnswerValidationTest {

    private static final CompiledInstrument EVERY_TYPE = Answers.compile("""
            {'url': 'https://example.org/types', 'version': '2', 'name': 'types', 'title': 'Types', 'items': [
              {'linkId': 'b', 'type': 'boolean'},
              {'linkId': 'i', 'type': 'integer'},
              {'linkId': 'd', 'type': 'decimal'},
              {'linkId': 'c', 'type': 'choice', 'options': [
                {'system': 'https://example.org/cs', 'code': 'x', 'weight': 1}, {'code': 'y', 'weight': 2}]},
              {'linkId': 'o', 'type': 'open-choice', 'options': [{'code': 'x', 'display': 'Ex'}]},
              {'linkId': 's', 'type': 'string'},
              {'linkId': 't', 'type': 'text'},
              {'linkId': 'dt', 'type': 'date'},
              {'linkId': 'r', 'type': 'choice', 'repeats': true, 'options': [
                {'code': 'x', 'weight': 1}, {'code': 'y', 'weight': 2}]},
              {'linkId': 'g', 'type': 'group', 'items': [{'linkId': 'g1', 'type': 'boolean'}]},
              {'linkId': 'hidden', 'type': 'text', 'enableWhen': [{'question': 'b', 'operator': '=', 'answer': true}]}
            ]}""");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {'b': true, 'i': 2, 'd': 1.5, 'c': 'x', 'o': 'x', 's': 'a', 't': 'b', 'dt': '2024-02-29', 'r': ['x', 'y']} | valid
            {'b': 'true'}                                  | b: must be true or false
            {'i': 2.5}                                     | i: must be a whole number
            {'i': 2.0}                                     | valid
            {'i': '2'}                                     | i: must be a whole number
            {'d': '1.5'}                                   | d: must be a number
            {'d': 7}                                       | valid
            {'c': 'z'}                                     | c: must be one of the answer options
            {'c': 1}                                       | c: must be one of the answer options
            {'c': {'system': 'https://example.org/other', 'code': 'x'}} | c: must be one of the answer options
            {'c': {'system': 'https://example.org/cs', 'code': 'x'}}    | valid
            {'c': {'code': 'y'}}                           | valid
            {'c': ['x', 'y']}                              | c: takes one answer
            {'o': 'something else'}                        | valid
            {'o': 5}                                       | o: must be one of the answer options or text
            {'s': 5}                                       | s: must be text
            {'t': true}                                    | t: must be text
            {'dt': '2024-13-01'}                           | dt: must be a date (YYYY-MM-DD)
            {'dt': '2024-1-5'}                             | dt: must be a date (YYYY-MM-DD)
            {'dt': '2023-02-29'}                           | dt: must be a date (YYYY-MM-DD)
            {'r': ['x', 'x', 'y']}                         | valid
            {'r': []}                                      | valid
            {'b': null}                                    | valid
            {'b': [[true]]}                                | b: each answer must be a boolean, number, string or {system, code}
            {'b': {'system': 'x'}}                         | b: each answer must be a boolean, number, string or {system, code}
            {'nope': 1, 'b': 1}                            | nope: is not an item of this instrument; b: must be true or false
            {'g': true}                                    | g: is a group, which takes no answers
            {'hidden': 'text'}                             | hidden: NOT_ENABLED
            """)
    void answersMustFitTheirItem(String answers, String expected) {
        assertEquals(expected, EnableWhenTest.problems(Answers.evaluate(EVERY_TYPE, answers)));
    }

    @Test
    void answersAreReadForTheirItemTypeAndScored() {
        Evaluation evaluation = Answers.evaluate(EVERY_TYPE,
                "{'dt': '2024-02-29', 'c': 'x', 'r': ['x', 'y', 'y'], 'o': 'free', 'b': false, 'i': 3}");

        assertEquals(Map.of("b", List.of(new BooleanValue(false)),
                "i", List.of(NumberValue.of(3)),
                "c", List.of(new CodingValue("https://example.org/cs", "x")),
                "o", List.of(new StringValue("free")),
                "dt", List.of(new DateValue(LocalDate.of(2024, 2, 29))),
                "r", List.of(new CodingValue(null, "x"), new CodingValue(null, "y"), new CodingValue(null, "y"))),
                evaluation.answers());
        assertEquals(List.of("b", "i", "c", "o", "dt", "r"), List.copyOf(evaluation.answers().keySet()));
        assertEquals(new BigDecimal(6), evaluation.score().total());
        assertEquals("https://example.org/types|2", evaluation.score().instrument());
    }

    @Test
    void storedAnswersReadBackToTheSameAnswers() {
        Evaluation first = Answers.evaluate(EVERY_TYPE,
                "{'dt': '2024-02-29', 'c': {'system': 'https://example.org/cs', 'code': 'x'}, 'r': ['y'], 'o': 'x'}");

        Evaluation again = ScoringEngine.evaluate(EVERY_TYPE, first.answersJson());

        assertEquals(first, again);
    }

    @Test
    void problemsNeverRepeatWhatWasWritten() {
        String phi = "Jane Roe, SSN 123-45-6789";
        Evaluation evaluation = ScoringEngine.evaluate(EVERY_TYPE,
                Map.of("hidden", List.of(new StringValue(phi)), "s", List.of(new StringValue(phi), new StringValue(phi)),
                        "dt", List.of(new StringValue(phi))));

        assertEquals(3, evaluation.problems().size());
        assertFalse(evaluation.toString().contains("123-45"), evaluation::toString);
        ProblemException problem = assertThrows(ProblemException.class, evaluation::scoreOrThrow);
        assertEquals(400, problem.status());
        assertEquals("3 fields are not valid", problem.getMessage());
        assertFalse(problem.errors().toString().contains("123-45"));
        assertFalse(new StringValue(phi).toString().contains("Jane"));
    }

    @Test
    void answersThatAreNotAnObjectAreRefused() {
        assertEquals("answers: must be an object of linkId to answers",
                EnableWhenTest.problems(ScoringEngine.evaluate(EVERY_TYPE, Answers.json("[1]"))));
    }
}
