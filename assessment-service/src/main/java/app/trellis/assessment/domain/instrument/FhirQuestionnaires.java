package app.trellis.assessment.domain.instrument;

import static app.trellis.assessment.domain.instrument.JsonReading.at;

import app.trellis.assessment.domain.instrument.AnswerValue.BooleanValue;
import app.trellis.assessment.domain.instrument.AnswerValue.CodingValue;
import app.trellis.assessment.domain.instrument.AnswerValue.DateValue;
import app.trellis.assessment.domain.instrument.AnswerValue.NumberValue;
import app.trellis.assessment.domain.instrument.AnswerValue.StringValue;
import app.trellis.assessment.domain.instrument.CompiledInstrument.Node;
import app.trellis.assessment.domain.instrument.InstrumentDefinition.AnswerOption;
import app.trellis.assessment.domain.instrument.InstrumentDefinition.EnableWhen;
import app.trellis.assessment.domain.instrument.InstrumentDefinition.Item;
import app.trellis.assessment.domain.instrument.InstrumentDefinition.Scoring;
import app.trellis.platform.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * FHIR R4 import and export.
 *
 * <p><b>Questionnaire</b> (import and export), the subset Trellis keeps: {@code url}, {@code version},
 * {@code name}, {@code title}; {@code item} with {@code linkId}, {@code text}, {@code type} (group, boolean,
 * integer, decimal, choice, open-choice, string, text, date), {@code required}, {@code repeats}, nested
 * {@code item} of groups, {@code answerOption} ({@code valueCoding}, {@code valueInteger} or {@code valueString};
 * the latter two become a code) with its weight from the {@value #ITEM_WEIGHT} extension (or, as R4 tools put
 * it, {@value #ORDINAL_VALUE}; on the answerOption or on its valueCoding), {@code enableWhen} ({@code question},
 * {@code operator}, {@code answerBoolean|Decimal|Integer|String|Date|Coding}) and {@code enableBehavior}.
 * Scoring rules travel in the extension {@value #SCORING} whose {@code valueString} is the {@code scoring} object
 * of {@link InstrumentJson}. Anything else in the resource is ignored; an item type or answer kind outside the
 * subset is a problem. Export writes the same subset, options as {@code valueCoding} with {@code itemWeight}.
 *
 * <p><b>QuestionnaireResponse</b> (export): {@code questionnaire} is the canonical {@code url|version} of the
 * version answered, {@code status} {@code completed}, {@code authored} as given, items nested as in the
 * questionnaire (only answered ones, and the groups holding them), and the score in the extension
 * {@value #SCORE}, with sub-extensions {@code total} (valueDecimal), {@code band} (valueString, when there is
 * one), {@code subscale} (sub-extensions {@code name} valueString and {@code value} valueDecimal), {@code flag}
 * (valueCode, one per flag) and {@code engineVersion} (valueString).
 */
public final class FhirQuestionnaires {

    public static final String ITEM_WEIGHT = "http://hl7.org/fhir/StructureDefinition/itemWeight";
    public static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    public static final String SCORING = "https://trellis.app/fhir/StructureDefinition/scoring";
    public static final String SCORE = "https://trellis.app/fhir/StructureDefinition/score";

    private static final String NOT_VALID = "The FHIR Questionnaire is not valid";
    private static final List<String> ANSWER_KINDS = List.of("answerBoolean", "answerDecimal", "answerInteger",
            "answerString", "answerDate", "answerCoding");

    private FhirQuestionnaires() {
    }

    /**
     * Reads a FHIR R4 Questionnaire into a definition (to be stored as a new draft version; run
     * {@link CompiledInstrument#compile} on it for the rules beyond its shape).
     *
     * @throws ProblemException 400 {@code validation} naming every field outside the subset, by FHIR path
     */
    public static InstrumentDefinition importQuestionnaire(String json) {
        return importQuestionnaire(InstrumentJson.parse(json, "The FHIR Questionnaire"));
    }

    public static InstrumentDefinition importQuestionnaire(JsonNode json) {
        JsonReading r = new JsonReading();
        if (json == null || !"Questionnaire".equals(json.path("resourceType").asText())) {
            r.fail("resourceType", "must be Questionnaire");
            r.throwIfFailed(NOT_VALID);
        }
        Scoring scoring = Scoring.NONE;
        List<JsonNode> extensions = r.objects(json, "extension", "", (node, path) -> node);
        for (int i = 0; i < extensions.size(); i++) {
            if (SCORING.equals(extensions.get(i).path("url").asText())) {
                String path = at("", "extension", i);
                String rules = r.text(extensions.get(i), "valueString", path, true);
                scoring = rules == null ? Scoring.NONE : InstrumentJson.readScoring(r,
                        InstrumentJson.parse(rules, "The scoring extension"), at(path, "valueString"));
            }
        }
        InstrumentDefinition definition = new InstrumentDefinition(r.text(json, "url", "", true),
                r.text(json, "version", "", true), r.text(json, "name", "", true), r.text(json, "title", "", true),
                r.objects(json, "item", "", (node, path) -> importItem(r, node, path)), scoring);
        r.throwIfFailed(NOT_VALID);
        return definition;
    }

    /** Writes a definition as a FHIR R4 Questionnaire with the given status. */
    public static ObjectNode exportQuestionnaire(InstrumentDefinition definition, InstrumentVersionStatus status) {
        ObjectNode json = InstrumentJson.MAPPER.createObjectNode().put("resourceType", "Questionnaire");
        if (!definition.scoring().equals(Scoring.NONE)) {
            json.putArray("extension").addObject().put("url", SCORING)
                    .put("valueString", InstrumentJson.writeScoring(definition.scoring()).toString());
        }
        json.put("url", definition.url()).put("version", definition.version()).put("name", definition.name())
                .put("title", definition.title()).put("status", status.fhirStatus());
        Map<String, Item> byLinkId = new HashMap<>();
        index(definition.items(), byLinkId);
        ArrayNode items = json.putArray("item");
        definition.items().forEach(item -> items.add(exportItem(item, byLinkId)));
        return json;
    }

    /**
     * Writes a submitted assessment as a FHIR R4 QuestionnaireResponse. {@code answers} and {@code score} are
     * those of a valid {@link Evaluation} against {@code instrument}; identifiers (id, subject, author) are the
     * caller's to add.
     */
    public static ObjectNode exportResponse(CompiledInstrument instrument, Map<String, List<AnswerValue>> answers,
            ScoreResult score, Instant authored) {
        ObjectNode json = InstrumentJson.MAPPER.createObjectNode().put("resourceType", "QuestionnaireResponse");
        json.putArray("extension").add(scoreExtension(score));
        json.put("questionnaire", instrument.canonical()).put("status", "completed")
                .put("authored", authored.toString());
        ArrayNode items = json.putArray("item");
        for (Item item : instrument.definition().items()) {
            ObjectNode answered = responseItem(instrument, item, answers);
            if (answered != null) {
                items.add(answered);
            }
        }
        return json;
    }

    private static Item importItem(JsonReading r, JsonNode json, String path) {
        List<AnswerOption> options = r.objects(json, "answerOption", path, (node, p) -> importOption(r, node, p));
        List<EnableWhen> enableWhen = r.objects(json, "enableWhen", path, (node, p) -> new EnableWhen(
                r.text(node, "question", p, true), r.code(node, "operator", p, Operator::fromCode, true),
                importAnswer(r, node, p)));
        return new Item(r.text(json, "linkId", path, true), r.text(json, "text", path, false),
                r.code(json, "type", path, ItemType::fromCode, true), r.bool(json, "required", path),
                r.bool(json, "repeats", path), options, enableWhen,
                r.code(json, "enableBehavior", path, EnableBehavior::fromCode, false),
                r.objects(json, "item", path, (node, p) -> importItem(r, node, p)));
    }

    private static AnswerOption importOption(JsonReading r, JsonNode json, String path) {
        BigDecimal weight = weight(r, json, path);
        if (json.has("valueCoding")) {
            JsonNode coding = json.get("valueCoding");
            String codingPath = at(path, "valueCoding");
            if (!coding.isObject()) {
                r.fail(codingPath, "must be a Coding");
                return null;
            }
            BigDecimal codingWeight = weight(r, coding, codingPath);
            return new AnswerOption(r.text(coding, "system", codingPath, false), r.text(coding, "code", codingPath,
                    true), r.text(coding, "display", codingPath, false), weight != null ? weight : codingWeight);
        }
        JsonNode value = json.has("valueInteger") ? json.get("valueInteger") : json.get("valueString");
        if (value == null || !(value.isIntegralNumber() || value.isTextual())) {
            r.fail(path, "needs valueCoding, valueInteger or valueString");
            return null;
        }
        return new AnswerOption(null, value.asText(), null, weight);
    }

    /** The itemWeight (or ordinalValue) extension's valueDecimal, or null. */
    private static BigDecimal weight(JsonReading r, JsonNode json, String path) {
        List<JsonNode> extensions = r.objects(json, "extension", path, (node, p) -> node);
        for (int i = 0; i < extensions.size(); i++) {
            String url = extensions.get(i).path("url").asText();
            if (ITEM_WEIGHT.equals(url) || ORDINAL_VALUE.equals(url)) {
                return r.number(extensions.get(i), "valueDecimal", at(path, "extension", i), true);
            }
        }
        return null;
    }

    private static AnswerValue importAnswer(JsonReading r, JsonNode json, String path) {
        for (String kind : ANSWER_KINDS) {
            JsonNode value = json.get(kind);
            if (value != null) {
                AnswerValue answer = AnswerValue.fromJson(value);
                if (answer == null || (kind.equals("answerCoding") != value.isObject())) {
                    r.fail(at(path, kind), "is not a valid " + kind);
                }
                return answer;
            }
        }
        json.fieldNames().forEachRemaining(field -> {
            if (field.startsWith("answer")) {
                r.fail(at(path, field), "is not supported (use answerBoolean, Decimal, Integer, String, Date or Coding)");
            }
        });
        return null;
    }

    private static void index(List<Item> items, Map<String, Item> byLinkId) {
        for (Item item : items) {
            byLinkId.put(item.linkId(), item);
            index(item.items(), byLinkId);
        }
    }

    private static ObjectNode exportItem(Item item, Map<String, Item> byLinkId) {
        ObjectNode json = InstrumentJson.commonItemFields(item);
        if (!item.enableWhen().isEmpty()) {
            ArrayNode conditions = json.putArray("enableWhen");
            for (EnableWhen when : item.enableWhen()) {
                ObjectNode condition = conditions.addObject().put("question", when.question())
                        .put("operator", when.operator().code());
                Item question = byLinkId.get(when.question());
                if (when.answer() != null && question != null) {
                    String kind = answerKind(when, question);
                    condition.set(kind, kind.equals("answerCoding") && when.answer() instanceof StringValue s
                            ? coding(null, s.value(), null) : when.answer().toJson());
                }
            }
        }
        if (!item.options().isEmpty()) {
            ArrayNode options = json.putArray("answerOption");
            for (AnswerOption option : item.options()) {
                ObjectNode o = options.addObject();
                if (option.weight() != null) {
                    o.putArray("extension").addObject().put("url", ITEM_WEIGHT).put("valueDecimal", option.weight());
                }
                o.set("valueCoding", coding(option.system(), option.code(), option.display()));
            }
        }
        if (!item.items().isEmpty()) {
            ArrayNode children = json.putArray("item");
            item.items().forEach(child -> children.add(exportItem(child, byLinkId)));
        }
        return json;
    }

    /** Which {@code answer[x]} carries a condition's value, by the question's type. */
    private static String answerKind(EnableWhen when, Item question) {
        if (when.operator() == Operator.EXISTS || when.answer() instanceof BooleanValue) {
            return "answerBoolean";
        }
        return switch (question.type()) {
            case INTEGER -> "answerInteger";
            case DECIMAL -> "answerDecimal";
            case DATE -> "answerDate";
            case CHOICE, OPEN_CHOICE -> when.answer() instanceof CodingValue || (when.answer() instanceof StringValue s
                    && question.options().stream().anyMatch(o -> o.code().equals(s.value())))
                    ? "answerCoding" : "answerString";
            default -> "answerString";
        };
    }

    private static ObjectNode coding(String system, String code, String display) {
        ObjectNode coding = InstrumentJson.MAPPER.createObjectNode();
        InstrumentJson.putIfPresent(coding, "system", system);
        coding.put("code", code);
        InstrumentJson.putIfPresent(coding, "display", display);
        return coding;
    }

    private static ObjectNode responseItem(CompiledInstrument instrument, Item item,
            Map<String, List<AnswerValue>> answers) {
        ObjectNode json = InstrumentJson.MAPPER.createObjectNode().put("linkId", item.linkId());
        InstrumentJson.putIfPresent(json, "text", item.text());
        if (item.type() == ItemType.GROUP) {
            ArrayNode children = InstrumentJson.MAPPER.createArrayNode();
            for (Item child : item.items()) {
                ObjectNode answered = responseItem(instrument, child, answers);
                if (answered != null) {
                    children.add(answered);
                }
            }
            return children.isEmpty() ? null : (ObjectNode) json.set("item", children);
        }
        List<AnswerValue> values = answers.get(item.linkId());
        if (values == null || values.isEmpty()) {
            return null;
        }
        Node node = instrument.node(item.linkId());
        ArrayNode answerArray = json.putArray("answer");
        for (AnswerValue value : values) {
            AnswerValue answer = node.read(value);
            if (answer instanceof CodingValue c) {
                String display = item.options().stream().filter(o -> o.code().equals(c.code())).findFirst()
                        .map(AnswerOption::display).orElse(null);
                answerArray.addObject().set("valueCoding", coding(c.system(), c.code(), display));
            } else if (answer != null) {
                answerArray.addObject().set(valueKind(item.type(), answer), answer.toJson());
            }
        }
        return json;
    }

    private static String valueKind(ItemType type, AnswerValue answer) {
        if (answer instanceof BooleanValue) {
            return "valueBoolean";
        } else if (answer instanceof DateValue) {
            return "valueDate";
        } else if (answer instanceof NumberValue) {
            return type == ItemType.INTEGER ? "valueInteger" : "valueDecimal";
        }
        return "valueString";
    }

    private static ObjectNode scoreExtension(ScoreResult score) {
        ObjectNode extension = InstrumentJson.MAPPER.createObjectNode().put("url", SCORE);
        ArrayNode parts = extension.putArray("extension");
        parts.addObject().put("url", "total").put("valueDecimal", score.total());
        if (score.band() != null) {
            parts.addObject().put("url", "band").put("valueString", score.band());
        }
        score.subscales().forEach((name, value) -> {
            ArrayNode subscale = parts.addObject().put("url", "subscale").putArray("extension");
            subscale.addObject().put("url", "name").put("valueString", name);
            subscale.addObject().put("url", "value").put("valueDecimal", value);
        });
        score.flags().forEach(flag -> parts.addObject().put("url", "flag").put("valueCode", flag));
        parts.addObject().put("url", "engineVersion").put("valueString", score.engineVersion());
        return extension;
    }
}
