package app.trellis.assessment.domain.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.trellis.platform.problem.FieldError;
import app.trellis.platform.problem.ProblemException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A definition that cannot be scored is refused on import, each problem named by its path in the definition. */
class DefinitionValidationTest {

    private static final String TWO_WEIGHTED = """
            {'linkId': 'w1', 'type': 'choice', 'options': [{'code': '0', 'weight': 0}, {'code': '3', 'weight': 3}]},
            {'linkId': 'w2', 'type': 'choice', 'options': [{'code': '0', 'weight': 0}, {'code': '3', 'weight': 3}]}""";

    static Stream<Arguments> brokenDefinitions() {
        return Stream.of(
                broken("duplicate linkIds",
                        "{'linkId': 'a', 'type': 'boolean'}, {'linkId': 'g', 'type': 'group', 'items': [{'linkId': 'a', 'type': 'string'}]}",
                        "{}", "items[1].items[0].linkId", "repeats the linkId of items[0]"),
                broken("enableWhen on an unknown linkId",
                        "{'linkId': 'a', 'type': 'boolean', 'enableWhen': [{'question': 'zz', 'operator': 'exists', 'answer': true}]}",
                        "{}", "items[0].enableWhen[0].question", "is not the linkId of an item"),
                broken("enableWhen on a group",
                        "{'linkId': 'g', 'type': 'group', 'items': [{'linkId': 'a', 'type': 'boolean'}]},"
                                + " {'linkId': 'b', 'type': 'boolean', 'enableWhen': [{'question': 'g', 'operator': 'exists', 'answer': true}]}",
                        "{}", "items[1].enableWhen[0].question", "must be another item that takes answers"),
                broken("enableWhen cycle",
                        "{'linkId': 'a', 'type': 'boolean', 'enableWhen': [{'question': 'b', 'operator': '=', 'answer': true}]},"
                                + " {'linkId': 'b', 'type': 'boolean', 'enableWhen': [{'question': 'a', 'operator': '=', 'answer': true}]}",
                        "{}", "items[0].enableWhen", "the conditions form a cycle: a -> b -> a"),
                broken("a group enabled by its own item",
                        "{'linkId': 'g', 'type': 'group', 'enableWhen': [{'question': 'q', 'operator': '=', 'answer': true}],"
                                + " 'items': [{'linkId': 'q', 'type': 'boolean'}]}",
                        "{}", "items[0].enableWhen", "the conditions form a cycle: g -> q -> g"),
                broken("choice without options", "{'linkId': 'c', 'type': 'choice'}",
                        "{}", "items[0].options", "a choice item needs answer options"),
                broken("options on a string item", "{'linkId': 's', 'type': 'string', 'options': [{'code': 'x'}]}",
                        "{}", "items[0].options", "only choice and open-choice items have options"),
                broken("repeated option code", "{'linkId': 'c', 'type': 'choice', 'options': [{'code': 'x'}, {'code': 'x'}]}",
                        "{}", "items[0].options[1].code", "repeats another option's code"),
                broken("empty group", "{'linkId': 'g', 'type': 'group'}", "{}", "items[0].items",
                        "a group needs at least one item"),
                broken("repeating group", "{'linkId': 'g', 'type': 'group', 'repeats': true, 'items': [{'linkId': 'a', 'type': 'date'}]}",
                        "{}", "items[0].repeats", "repeating groups are not supported"),
                broken("a question with items", "{'linkId': 'a', 'type': 'boolean', 'items': [{'linkId': 'b', 'type': 'date'}]}",
                        "{}", "items[0].items", "only a group has items"),
                broken("ordering a boolean",
                        "{'linkId': 'a', 'type': 'boolean'}, {'linkId': 'b', 'type': 'date', 'enableWhen': [{'question': 'a', 'operator': '>', 'answer': true}]}",
                        "{}", "items[1].enableWhen[0].operator", "> cannot compare answers of a boolean item"),
                broken("an answer of the wrong type",
                        "{'linkId': 'a', 'type': 'boolean'}, {'linkId': 'b', 'type': 'date', 'enableWhen': [{'question': 'a', 'operator': '=', 'answer': 'yes'}]}",
                        "{}", "items[1].enableWhen[0].answer", "does not fit item 'a': must be true or false"),
                broken("an answer that is not an option",
                        TWO_WEIGHTED + ", {'linkId': 'b', 'type': 'date', 'enableWhen': [{'question': 'w1', 'operator': '=', 'answer': '2'}]}",
                        "{}", "items[2].enableWhen[0].answer", "does not fit item 'w1': must be one of the answer options"),
                broken("exists without true or false",
                        "{'linkId': 'a', 'type': 'integer'}, {'linkId': 'b', 'type': 'date', 'enableWhen': [{'question': 'a', 'operator': 'exists', 'answer': 1}]}",
                        "{}", "items[1].enableWhen[0].answer", "exists needs true or false"),
                broken("two conditions, no behaviour",
                        "{'linkId': 'a', 'type': 'integer'}, {'linkId': 'b', 'type': 'date', 'enableWhen': ["
                                + "{'question': 'a', 'operator': '>', 'answer': 1}, {'question': 'a', 'operator': '<', 'answer': 5}]}",
                        "{}", "items[1].enableBehavior", "is required with more than one condition"),
                broken("overlapping bands", TWO_WEIGHTED,
                        "{'bands': [{'min': 0, 'max': 4, 'label': 'low'}, {'min': 4, 'max': 6, 'label': 'high'}]}",
                        "scoring.bands[1]", "overlaps the band 'low'"),
                broken("a gap between bands", TWO_WEIGHTED,
                        "{'bands': [{'min': 5, 'max': 6, 'label': 'high'}, {'min': 0, 'max': 3, 'label': 'low'}]}",
                        "scoring.bands[0]", "leaves a gap after the band 'low' (from 4)"),
                broken("bands short of the highest total", TWO_WEIGHTED,
                        "{'bands': [{'min': 0, 'max': 2, 'label': 'low'}, {'min': 3, 'max': 5, 'label': 'high'}]}",
                        "scoring.bands", "no band covers the highest possible total, 6"),
                broken("bands above the lowest total", TWO_WEIGHTED,
                        "{'bands': [{'min': 1, 'max': 6, 'label': 'all'}]}",
                        "scoring.bands", "no band covers the lowest possible total, 0"),
                broken("a band upside down", TWO_WEIGHTED,
                        "{'bands': [{'min': 6, 'max': 0, 'label': 'all'}]}",
                        "scoring.bands[0]", "min and max must be whole numbers, min no more than max"),
                broken("bands over fractional weights",
                        "{'linkId': 'w', 'type': 'choice', 'options': [{'code': '0', 'weight': 0}, {'code': 'h', 'weight': 0.5}]}",
                        "{'bands': [{'min': 0, 'max': 1, 'label': 'all'}]}",
                        "scoring.bands", "bands need whole-number weights; item 'w' has another"),
                broken("a subscale over an unknown item", TWO_WEIGHTED,
                        "{'subscales': [{'name': 's', 'items': ['w1', 'zz']}]}",
                        "scoring.subscales[0].items[1]", "is not the linkId of an item"),
                broken("a subscale over an unweighted item", TWO_WEIGHTED + ", {'linkId': 'n', 'type': 'integer'}",
                        "{'subscales': [{'name': 's', 'items': ['n']}]}",
                        "scoring.subscales[0].items[0]", "is not an item with weighted options"),
                broken("a subscale called total", TWO_WEIGHTED,
                        "{'subscales': [{'name': 'total', 'items': ['w1']}]}",
                        "scoring.subscales[0].name", "needs a name of its own (not 'total')"),
                broken("a flag over an unknown score", TWO_WEIGHTED,
                        "{'flags': [{'flag': 'f', 'when': {'score': 'zz', 'operator': '>', 'value': 1}}]}",
                        "scoring.flags[0].when.score", "is neither 'total' nor a subscale"),
                broken("a flag over both an item and a score", TWO_WEIGHTED,
                        "{'flags': [{'flag': 'f', 'when': {'score': 'total', 'linkId': 'w1', 'operator': '>', 'value': 1}}]}",
                        "scoring.flags[0].when", "needs either linkId or score"),
                broken("a flag comparing a weighted item with text", TWO_WEIGHTED,
                        "{'flags': [{'flag': 'f', 'when': {'linkId': 'w1', 'operator': '>', 'value': 'high'}}]}",
                        "scoring.flags[0].when.value", "a score compares with a number"),
                broken("a flag over an unknown item", TWO_WEIGHTED,
                        "{'flags': [{'flag': 'f', 'when': {'linkId': 'zz', 'operator': 'exists', 'value': true}}]}",
                        "scoring.flags[0].when.linkId", "is not the linkId of an item that takes answers"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDefinitions")
    void aBrokenDefinitionIsRefusedWithThePathOfItsProblem(String name, String definition, FieldError expected) {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> CompiledInstrument.compile(InstrumentJson.read(Answers.json(definition))));

        assertEquals(List.of(expected), problem.errors());
        assertEquals(400, problem.status());
        assertEquals("validation", problem.slug());
        assertEquals(List.of(expected), CompiledInstrument.problems(InstrumentJson.read(Answers.json(definition))));
    }

    static Stream<Arguments> badShapes() {
        return Stream.of(
                Arguments.of("{'items': []}", List.of(new FieldError("url", "is required"),
                        new FieldError("version", "is required"), new FieldError("name", "is required"),
                        new FieldError("title", "is required"))),
                Arguments.of(definition("{'linkId': 'a', 'type': 'display', 'required': 'yes'},"
                                + " {'type': 'choice', 'options': [{'code': 'x', 'weight': 'high'}, 3]}", "{}"),
                        List.of(new FieldError("items[0].type", "is not a known code"),
                                new FieldError("items[0].required", "must be true or false"),
                                new FieldError("items[1].linkId", "is required"),
                                new FieldError("items[1].options[0].weight", "must be a number"),
                                new FieldError("items[1].options[1]", "must be an object"))),
                Arguments.of(definition("{'linkId': 'a', 'type': 'boolean', 'enableWhen': [{'question': 'a', 'operator': '~'}]}",
                                "{'bands': 'all', 'flags': [{'flag': 'f'}]}"),
                        List.of(new FieldError("items[0].enableWhen[0].operator", "is not a known code"),
                                new FieldError("scoring.bands", "must be an array"),
                                new FieldError("scoring.flags[0].when", "is required: {linkId or score, operator, value}"))));
    }

    @ParameterizedTest
    @MethodSource("badShapes")
    void aDefinitionOfTheWrongShapeIsRefusedWithEveryProblem(String definition, List<FieldError> expected) {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> InstrumentJson.read(Answers.json(definition)));

        assertEquals(expected, problem.errors());
    }

    private static Arguments broken(String name, String items, String scoring, String field, String message) {
        return Arguments.of(name, definition(items, scoring), new FieldError(field, message));
    }

    private static String definition(String items, String scoring) {
        return "{'url': 'https://example.org/q', 'version': '1', 'name': 'q', 'title': 'Q', 'items': [" + items
                + "], 'scoring': " + scoring + "}";
    }
}
