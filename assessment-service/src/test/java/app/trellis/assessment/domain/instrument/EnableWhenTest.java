package app.trellis.assessment.domain.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.trellis.platform.problem.FieldError;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** enableWhen as FHIR R4 defines it: any/all, nested groups, required-if-enabled, disabled answers refused. */
class EnableWhenTest {

    private static final String NOT_ENABLED = "is not enabled by the other answers, so it takes no answer";

    /** 'all' and 'any' share two conditions; 'deep' sits in a group in a group, each with its own condition. */
    private static final CompiledInstrument CONDITIONS = Answers.compile("""
            {'url': 'https://example.org/q', 'version': '1', 'name': 'conditions', 'title': 'Conditions', 'items': [
              {'linkId': 'a', 'type': 'boolean'},
              {'linkId': 'b', 'type': 'integer'},
              {'linkId': 'all', 'type': 'string', 'required': true, 'enableBehavior': 'all', 'enableWhen': [
                {'question': 'a', 'operator': '=', 'answer': true}, {'question': 'b', 'operator': '>=', 'answer': 3}]},
              {'linkId': 'any', 'type': 'string', 'required': true, 'enableBehavior': 'any', 'enableWhen': [
                {'question': 'a', 'operator': '=', 'answer': true}, {'question': 'b', 'operator': '>=', 'answer': 3}]},
              {'linkId': 'outer', 'type': 'group', 'enableWhen': [{'question': 'a', 'operator': 'exists', 'answer': true}],
               'items': [
                {'linkId': 'inner', 'type': 'group', 'enableWhen': [{'question': 'b', 'operator': '!=', 'answer': 0}],
                 'items': [{'linkId': 'deep', 'type': 'date', 'required': true}]}]},
              {'linkId': 'after', 'type': 'boolean', 'enableWhen': [{'question': 'deep', 'operator': '<', 'answer': '2024-01-01'}]}
            ]}""");

    private static final CompiledInstrument FUNCTIONAL = Answers.seed("functional-screen");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {}                                                           | valid
            {'a': true}                                                  | any: is required
            {'a': true, 'b': 3}                                          | all: is required; any: is required; deep: is required
            {'a': true, 'b': 3, 'all': 'x', 'any': 'y', 'deep': '2024-02-29'} | valid
            {'a': false, 'b': 5, 'any': 'y', 'deep': '2024-02-29'}       | valid
            {'a': false, 'b': 2, 'all': 'x'}                             | all: NOT_ENABLED; deep: is required
            {'b': 5, 'any': 'y', 'deep': '2024-01-01'}                    | deep: NOT_ENABLED
            {'a': true, 'b': 0, 'any': 'y', 'deep': '2024-01-01'}         | deep: NOT_ENABLED
            {'a': true, 'b': 1, 'any': 'y', 'deep': '2023-12-31', 'after': true} | valid
            {'a': true, 'b': 1, 'any': 'y', 'deep': '2024-01-01', 'after': true} | after: NOT_ENABLED
            {'a': true, 'b': 0, 'any': 'y', 'after': true}                | after: NOT_ENABLED
            {'a': 'yes', 'b': 3, 'any': 'y', 'all': 'x'}                  | a: must be true or false
            """)
    void anyAllAndNestedGroups(String answers, String expected) {
        assertEquals(expected, problems(Answers.evaluate(CONDITIONS, answers)));
    }

    private static final String SCREEN = """
            {'adl-bathing': 'independent', 'adl-dressing': 'independent', 'adl-toileting': 'independent',
             'adl-transferring': 'independent', 'adl-eating': 'independent', 'mobility-aid': false, 'falls-count': 0,
             'iadl-meals': 'independent', 'iadl-medications': 'independent', 'iadl-shopping': 'independent',
             'lives-alone': false}""";

    @ParameterizedTest(name = "functional screen with {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {}                                                          | valid
            {'mobility-aid': true}                                      | mobility-aid-details: is required: answer its items; mobility-aid-type: is required
            {'mobility-aid': true, 'mobility-aid-type': ['cane', 'walker']} | valid
            {'mobility-aid': true, 'mobility-aid-type': ['walker', 'other']} | mobility-aid-other: is required
            {'mobility-aid': true, 'mobility-aid-type': ['other'], 'mobility-aid-other': 'frame'} | valid
            {'mobility-aid-type': ['cane'], 'mobility-aid-since': '2020-01-01'} | mobility-aid-type: NOT_ENABLED; mobility-aid-since: NOT_ENABLED
            {'mobility-aid': true, 'mobility-aid-type': ['cane'], 'mobility-aid-other': 'frame'} | mobility-aid-other: NOT_ENABLED
            {'falls-count': 1}                                          | falls-injury: is required
            {'falls-injury': false}                                     | falls-injury: NOT_ENABLED
            {'lives-alone': true}                                       | support-available: is required
            {'iadl-medications': 'dependent'}                           | support-available: is required
            {'iadl-medications': 'needs-help', 'support-notes': 'x'}    | support-notes: NOT_ENABLED
            """)
    void conditionalSectionsOfTheFunctionalScreen(String changes, String expected) {
        assertEquals(expected, problems(ScoringEngine.evaluate(FUNCTIONAL, screen(changes))));
    }

    @Test
    void theFunctionalScreenScoresSubscalesBandsAndFlags() {
        ScoreResult score = ScoringEngine.evaluate(FUNCTIONAL, screen("""
                {'adl-bathing': 'needs-help', 'adl-transferring': 'dependent', 'iadl-medications': 'dependent',
                 'iadl-shopping': 'needs-help', 'falls-count': 3, 'falls-injury': true, 'support-available': false}"""))
                .scoreOrThrow();

        assertEquals(new BigDecimal(6), score.total());
        assertEquals(Map.of("adl", new BigDecimal(3), "iadl", new BigDecimal(3)), score.subscales());
        assertEquals("some assistance", score.band());
        assertEquals(List.of("fall-risk", "fall-with-injury", "no-support"), score.flags());
    }

    private static ObjectNode screen(String changes) {
        ObjectNode answers = (ObjectNode) Answers.json(SCREEN);
        answers.setAll((ObjectNode) Answers.json(changes));
        return answers;
    }

    /** "valid", or the problems as "linkId: message; ..." with NOT_ENABLED standing for its message. */
    static String problems(Evaluation evaluation) {
        if (evaluation.isValid()) {
            return "valid";
        }
        return evaluation.problems().stream().map(EnableWhenTest::shortly).collect(Collectors.joining("; "));
    }

    private static String shortly(FieldError error) {
        return error.field().replaceFirst("^answers\\.", "") + ": "
                + (error.message().equals(NOT_ENABLED) ? "NOT_ENABLED" : error.message());
    }
}
