package app.trellis.assessment.domain.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.trellis.platform.problem.FieldError;
import app.trellis.platform.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

/** FHIR R4 Questionnaire import/export and QuestionnaireResponse export. */
class FhirQuestionnairesTest {

    /** A Questionnaire as another tool might write it: every option form, both weight extensions, every answer kind. */
    private static final String QUESTIONNAIRE = """
            {'resourceType': 'Questionnaire', 'id': 'ignored', 'status': 'active',
             'url': 'https://example.org/fhir/Questionnaire/mood', 'version': '3', 'name': 'mood', 'title': 'Mood check',
             'item': [
               {'linkId': 'feel', 'text': 'How do you feel?', 'type': 'choice', 'required': true, 'answerOption': [
                 {'valueCoding': {'system': 'http://loinc.org', 'code': 'LA1', 'display': 'Fine'},
                  'extension': [{'url': 'http://hl7.org/fhir/StructureDefinition/itemWeight', 'valueDecimal': 0}]},
                 {'valueCoding': {'system': 'http://loinc.org', 'code': 'LA2', 'display': 'Low',
                  'extension': [{'url': 'http://hl7.org/fhir/StructureDefinition/ordinalValue', 'valueDecimal': 2}]}}]},
               {'linkId': 'times', 'type': 'choice', 'answerOption': [
                 {'valueInteger': 0, 'extension': [{'url': 'http://hl7.org/fhir/StructureDefinition/itemWeight', 'valueDecimal': 0}]},
                 {'valueInteger': 3, 'extension': [{'url': 'http://hl7.org/fhir/StructureDefinition/itemWeight', 'valueDecimal': 3}]}]},
               {'linkId': 'where', 'type': 'open-choice', 'answerOption': [{'valueString': 'home'}, {'valueString': 'work'}]},
               {'linkId': 'details', 'text': 'Details', 'type': 'group', 'enableBehavior': 'any', 'enableWhen': [
                   {'question': 'feel', 'operator': '=', 'answerCoding': {'system': 'http://loinc.org', 'code': 'LA2'}},
                   {'question': 'times', 'operator': '!=', 'answerCoding': {'code': '0'}},
                   {'question': 'where', 'operator': '=', 'answerString': 'garden'}],
                 'item': [
                   {'linkId': 'since', 'text': 'Since when?', 'type': 'date', 'required': true},
                   {'linkId': 'inner', 'type': 'group', 'enableWhen': [{'question': 'since', 'operator': '<', 'answerDate': '2024-01-01'}],
                    'item': [
                      {'linkId': 'sleep', 'type': 'boolean', 'enableWhen': [{'question': 'since', 'operator': 'exists', 'answerBoolean': true}]},
                      {'linkId': 'hours', 'type': 'decimal', 'repeats': true, 'enableWhen': [{'question': 'sleep', 'operator': '=', 'answerBoolean': true}]},
                      {'linkId': 'nights', 'type': 'integer', 'enableWhen': [{'question': 'hours', 'operator': '>=', 'answerDecimal': 7.5}]},
                      {'linkId': 'why', 'type': 'text', 'enableWhen': [{'question': 'nights', 'operator': '<=', 'answerInteger': 2}]},
                      {'linkId': 'who', 'type': 'string'}]}]}]}""";

    private static final String SCORING = """
            {'bands': [{'min': 0, 'max': 1, 'label': 'low'}, {'min': 2, 'max': 5, 'label': 'high'}],
             'flags': [{'flag': 'asleep', 'when': {'linkId': 'sleep', 'operator': '=', 'value': false}}]}""";

    /** The same instrument in Trellis' own form. */
    private static final String DEFINITION = """
            {'url': 'https://example.org/fhir/Questionnaire/mood', 'version': '3', 'name': 'mood', 'title': 'Mood check',
             'items': [
               {'linkId': 'feel', 'text': 'How do you feel?', 'type': 'choice', 'required': true, 'options': [
                 {'system': 'http://loinc.org', 'code': 'LA1', 'display': 'Fine', 'weight': 0},
                 {'system': 'http://loinc.org', 'code': 'LA2', 'display': 'Low', 'weight': 2}]},
               {'linkId': 'times', 'type': 'choice', 'options': [{'code': '0', 'weight': 0}, {'code': '3', 'weight': 3}]},
               {'linkId': 'where', 'type': 'open-choice', 'options': [{'code': 'home'}, {'code': 'work'}]},
               {'linkId': 'details', 'text': 'Details', 'type': 'group', 'enableBehavior': 'any', 'enableWhen': [
                   {'question': 'feel', 'operator': '=', 'answer': {'system': 'http://loinc.org', 'code': 'LA2'}},
                   {'question': 'times', 'operator': '!=', 'answer': '0'},
                   {'question': 'where', 'operator': '=', 'answer': 'garden'}],
                 'items': [
                   {'linkId': 'since', 'text': 'Since when?', 'type': 'date', 'required': true},
                   {'linkId': 'inner', 'type': 'group', 'enableWhen': [{'question': 'since', 'operator': '<', 'answer': '2024-01-01'}],
                    'items': [
                      {'linkId': 'sleep', 'type': 'boolean', 'enableWhen': [{'question': 'since', 'operator': 'exists', 'answer': true}]},
                      {'linkId': 'hours', 'type': 'decimal', 'repeats': true, 'enableWhen': [{'question': 'sleep', 'operator': '=', 'answer': true}]},
                      {'linkId': 'nights', 'type': 'integer', 'enableWhen': [{'question': 'hours', 'operator': '>=', 'answer': 7.5}]},
                      {'linkId': 'why', 'type': 'text', 'enableWhen': [{'question': 'nights', 'operator': '<=', 'answer': 2}]},
                      {'linkId': 'who', 'type': 'string'}]}]}],
             'scoring': %s}""".formatted(SCORING);

    static final List<String> SEEDS = InstrumentLibrary.SEEDS;

    @Test
    void aQuestionnaireImportsAsTheDefinitionItDescribes() {
        InstrumentDefinition imported = FhirQuestionnaires.importQuestionnaire(questionnaire());

        assertEquals(InstrumentJson.read(Answers.json(DEFINITION)), imported);
        CompiledInstrument.compile(imported);
    }

    @Test
    void importExportImportGivesAnEqualDefinition() {
        InstrumentDefinition imported = FhirQuestionnaires.importQuestionnaire(questionnaire());

        ObjectNode exported = FhirQuestionnaires.exportQuestionnaire(imported, InstrumentVersionStatus.DRAFT);

        assertEquals(imported, FhirQuestionnaires.importQuestionnaire(exported.toString()));
        assertEquals("draft", exported.get("status").asText());
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void everySeedSurvivesTheFhirRoundTrip(String seed) {
        InstrumentDefinition definition = InstrumentLibrary.load(seed);

        ObjectNode exported = FhirQuestionnaires.exportQuestionnaire(definition, InstrumentVersionStatus.PUBLISHED);

        assertEquals(definition, FhirQuestionnaires.importQuestionnaire(exported));
        assertEquals("active", exported.get("status").asText());
        assertEquals(FhirQuestionnaires.ITEM_WEIGHT,
                exported.at("/item/0/item/0/answerOption/1/extension/0/url").asText(seed), seed);
    }

    @Test
    void aPhq9ResponseNamesThePinnedVersionAndCarriesTheScore() {
        CompiledInstrument phq9 = Answers.seed("phq-9");
        Evaluation evaluation = Answers.evaluate(phq9, "{'phq9-1': '3', 'phq9-2': '3', 'phq9-3': '2', 'phq9-4': '2',"
                + " 'phq9-5': '1', 'phq9-6': '1', 'phq9-7': '0', 'phq9-8': '0', 'phq9-9': '1', 'phq9-difficulty': 'very'}");

        JsonNode response = FhirQuestionnaires.exportResponse(phq9, evaluation.answers(), evaluation.scoreOrThrow(),
                Instant.parse("2026-03-01T09:30:00Z"));

        assertEquals("QuestionnaireResponse", response.get("resourceType").asText());
        assertEquals("https://trellis.app/fhir/Questionnaire/phq-9|1", response.get("questionnaire").asText());
        assertEquals("completed", response.get("status").asText());
        assertEquals("2026-03-01T09:30:00Z", response.get("authored").asText());
        assertEquals("phq9-problems", response.at("/item/0/linkId").asText());
        assertEquals(9, response.at("/item/0/item").size());
        assertEquals("phq9-9", response.at("/item/0/item/8/linkId").asText());
        assertJson("[{'valueCoding': {'code': '1', 'display': 'Several days'}}]",
                response.at("/item/0/item/8/answer"));
        assertEquals("phq9-difficulty", response.at("/item/1/linkId").asText());
        assertJson("""
                {'url': 'https://trellis.app/fhir/StructureDefinition/score', 'extension': [
                  {'url': 'total', 'valueDecimal': 13}, {'url': 'band', 'valueString': 'moderate'},
                  {'url': 'flag', 'valueCode': 'safety-risk'}, {'url': 'engineVersion', 'valueString': '1'}]}""",
                response.at("/extension/0"));
    }

    @Test
    void aResponseNestsAnsweredItemsAsTheQuestionnaireDoes() {
        CompiledInstrument screen = Answers.seed("functional-screen");
        Evaluation evaluation = Answers.evaluate(screen, """
                {'adl-bathing': 'independent', 'adl-dressing': 'needs-help', 'adl-toileting': 'independent',
                 'adl-transferring': 'independent', 'adl-eating': 'dependent', 'mobility-aid': true,
                 'mobility-aid-type': ['cane', 'other'], 'mobility-aid-other': 'frame', 'mobility-aid-since': '2021-06-01',
                 'falls-count': 0, 'iadl-meals': 'independent', 'iadl-medications': 'independent',
                 'iadl-shopping': 'independent', 'lives-alone': false}""");

        JsonNode response = FhirQuestionnaires.exportResponse(screen, evaluation.answers(), evaluation.scoreOrThrow(),
                Instant.parse("2026-03-01T09:30:00Z"));

        assertEquals(List.of("adl", "mobility", "iadl", "lives-alone"), linkIds(response.get("item")));
        JsonNode mobility = response.at("/item/1/item");
        assertEquals(List.of("mobility-aid", "mobility-aid-details", "falls-count"), linkIds(mobility));
        assertJson("[{'valueBoolean': true}]", mobility.at("/0/answer"));
        assertJson("""
                [{'linkId': 'mobility-aid-type', 'text': 'Which aids do you use?', 'answer': [
                   {'valueCoding': {'code': 'cane', 'display': 'Cane'}}, {'valueCoding': {'code': 'other', 'display': 'Other'}}]},
                 {'linkId': 'mobility-aid-other', 'text': 'Which other aid?', 'answer': [{'valueString': 'frame'}]},
                 {'linkId': 'mobility-aid-since', 'text': 'Since when have you used it?', 'answer': [{'valueDate': '2021-06-01'}]}]""",
                mobility.at("/1/item"));
        assertJson("[{'valueInteger': 0}]", mobility.at("/2/answer"));
        assertJson("""
                [{'url': 'total', 'valueDecimal': 3}, {'url': 'band', 'valueString': 'some assistance'},
                 {'url': 'subscale', 'extension': [{'url': 'name', 'valueString': 'adl'}, {'url': 'value', 'valueDecimal': 3}]},
                 {'url': 'subscale', 'extension': [{'url': 'name', 'valueString': 'iadl'}, {'url': 'value', 'valueDecimal': 0}]},
                 {'url': 'engineVersion', 'valueString': '1'}]""", response.at("/extension/0/extension"));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {'resourceType': 'Patient'}                                                  | resourceType | must be Questionnaire
            {'resourceType': 'Questionnaire', 'url': 'u', 'version': '1', 'name': 'n', 'title': 't', 'item': [{'linkId': 'a', 'type': 'display'}]} | item[0].type | is not a known code
            {'resourceType': 'Questionnaire', 'url': 'u', 'version': '1', 'name': 'n', 'title': 't', 'item': [{'linkId': 'a', 'type': 'choice', 'answerOption': [{'valueDate': '2024-01-01'}]}]} | item[0].answerOption[0] | needs valueCoding, valueInteger or valueString
            {'resourceType': 'Questionnaire', 'url': 'u', 'version': '1', 'name': 'n', 'title': 't', 'item': [{'linkId': 'a', 'type': 'integer'}, {'linkId': 'b', 'type': 'string', 'enableWhen': [{'question': 'a', 'operator': '=', 'answerQuantity': {'value': 1}}]}]} | item[1].enableWhen[0].answerQuantity | is not supported (use answerBoolean, Decimal, Integer, String, Date or Coding)
            {'resourceType': 'Questionnaire', 'url': 'u', 'version': '1', 'name': 'n', 'title': 't', 'item': [{'linkId': 'a', 'type': 'boolean', 'enableWhen': [{'question': 'a', 'operator': '=', 'answerCoding': 'x'}]}]} | item[0].enableWhen[0].answerCoding | is not a valid answerCoding
            """)
    void aQuestionnaireOutsideTheSubsetIsRefused(String questionnaire, String field, String message) {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> FhirQuestionnaires.importQuestionnaire(Answers.json(questionnaire)));

        assertEquals(List.of(new FieldError(field, message)), problem.errors());
    }

    /** The questionnaire with the scoring rules in their extension, as a JSON string value. */
    private static String questionnaire() {
        ObjectNode questionnaire = (ObjectNode) Answers.json(QUESTIONNAIRE);
        questionnaire.putArray("extension").addObject().put("url", FhirQuestionnaires.SCORING)
                .put("valueString", Answers.json(SCORING).toString());
        return questionnaire.toString();
    }

    /** JSON equality by text, so that 13 and 13 match whether read as an int or written as a decimal. */
    private static void assertJson(String expectedSingleQuoted, JsonNode actual) {
        assertEquals(Answers.json(expectedSingleQuoted).toString(), actual.toString());
    }

    private static List<String> linkIds(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(i -> i.get("linkId").asText())
                .toList();
    }
}
