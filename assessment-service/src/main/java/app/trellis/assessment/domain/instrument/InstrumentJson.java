package app.trellis.assessment.domain.instrument;

import static app.trellis.assessment.domain.instrument.JsonReading.at;

import app.trellis.assessment.domain.instrument.InstrumentDefinition.AnswerOption;
import app.trellis.assessment.domain.instrument.InstrumentDefinition.Band;
import app.trellis.assessment.domain.instrument.InstrumentDefinition.EnableWhen;
import app.trellis.assessment.domain.instrument.InstrumentDefinition.FlagRule;
import app.trellis.assessment.domain.instrument.InstrumentDefinition.Item;
import app.trellis.assessment.domain.instrument.InstrumentDefinition.Scoring;
import app.trellis.assessment.domain.instrument.InstrumentDefinition.Subscale;
import app.trellis.platform.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The JSON form of an {@link InstrumentDefinition} that Trellis stores and serves. Names follow FHIR R4
 * Questionnaire where there is one; defaults ({@code false}, empty lists) are left out when writing.
 * <pre>{@code
 * {
 *   "url": "https://trellis.app/fhir/Questionnaire/phq-9", "version": "1", "name": "phq-9", "title": "...",
 *   "items": [
 *     { "linkId": "phq9-1", "text": "...", "type": "choice",        // group|boolean|integer|decimal|choice|
 *       "required": true, "repeats": false,                          //   open-choice|string|text|date
 *       "options": [ { "code": "0", "display": "Not at all", "weight": 0, "system": "(optional)" } ],
 *       "enableWhen": [ { "question": "other-linkId", "operator": "=", "answer": true } ],
 *       "enableBehavior": "any",                                     // any|all, needed with 2+ conditions
 *       "items": [ ... ] }                                            // a group's items
 *   ],
 *   "scoring": {
 *     "subscales": [ { "name": "somatic", "items": ["phq9-3", "phq9-4"] } ],
 *     "bands": [ { "min": 0, "max": 4, "label": "minimal" } ],      // of the total, whole numbers, inclusive
 *     "flags": [ { "flag": "safety-risk", "when": { "linkId": "phq9-9", "operator": ">", "value": 0 } },
 *                { "flag": "severe", "when": { "score": "total", "operator": ">=", "value": 20 } } ]
 *   }
 * }
 * }</pre>
 * Operators: {@code = != > < >= <= exists} ({@code exists} takes {@code true} or {@code false}). An
 * {@code answer} or {@code value} is a JSON boolean, number or string (a date as {@code "2024-05-01"}, an
 * option by its code) or {@code {"system", "code"}}. Fields not named here are ignored when reading.
 */
public final class InstrumentJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String DEFINITION_NOT_VALID = "The instrument definition is not valid";

    private InstrumentJson() {
    }

    /** @throws ProblemException 400 {@code validation} if the text is not JSON or not of this shape */
    public static InstrumentDefinition read(String json) {
        return read(parse(json, "The instrument definition"));
    }

    /** @throws ProblemException 400 {@code validation} naming every field not of this shape */
    public static InstrumentDefinition read(JsonNode json) {
        JsonReading r = new JsonReading();
        if (json == null || !json.isObject()) {
            r.fail("", "must be a JSON object");
            r.throwIfFailed(DEFINITION_NOT_VALID);
        }
        InstrumentDefinition definition = new InstrumentDefinition(r.text(json, "url", "", true),
                r.text(json, "version", "", true), r.text(json, "name", "", true), r.text(json, "title", "", true),
                r.objects(json, "items", "", (node, path) -> readItem(r, node, path)),
                json.hasNonNull("scoring") ? readScoring(r, json.get("scoring"), "scoring") : Scoring.NONE);
        r.throwIfFailed(DEFINITION_NOT_VALID);
        return definition;
    }

    public static String writeString(InstrumentDefinition definition) {
        return write(definition).toString();
    }

    public static ObjectNode write(InstrumentDefinition definition) {
        ObjectNode json = MAPPER.createObjectNode()
                .put("url", definition.url())
                .put("version", definition.version())
                .put("name", definition.name())
                .put("title", definition.title());
        ArrayNode items = json.putArray("items");
        definition.items().forEach(item -> items.add(writeItem(item)));
        if (!definition.scoring().equals(Scoring.NONE)) {
            json.set("scoring", writeScoring(definition.scoring()));
        }
        return json;
    }

    static JsonNode parse(String json, String what) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the document; say only where it broke.
            throw ProblemException.badRequest("", what + " is not JSON (line " + e.getLocation().getLineNr() + ")");
        }
    }

    private static Item readItem(JsonReading r, JsonNode json, String path) {
        return new Item(r.text(json, "linkId", path, true), r.text(json, "text", path, false),
                r.code(json, "type", path, ItemType::fromCode, true), r.bool(json, "required", path),
                r.bool(json, "repeats", path),
                r.objects(json, "options", path, (node, p) -> new AnswerOption(r.text(node, "system", p, false),
                        r.text(node, "code", p, true), r.text(node, "display", p, false),
                        r.number(node, "weight", p, false))),
                r.objects(json, "enableWhen", path, (node, p) -> new EnableWhen(r.text(node, "question", p, true),
                        r.code(node, "operator", p, Operator::fromCode, true), r.value(node, "answer", p))),
                r.code(json, "enableBehavior", path, EnableBehavior::fromCode, false),
                r.objects(json, "items", path, (node, p) -> readItem(r, node, p)));
    }

    /** The fields an item has under the same names here and in FHIR; defaults left out. */
    static ObjectNode commonItemFields(Item item) {
        ObjectNode json = MAPPER.createObjectNode().put("linkId", item.linkId());
        putIfPresent(json, "text", item.text());
        json.put("type", item.type().code());
        if (item.required()) {
            json.put("required", true);
        }
        if (item.repeats()) {
            json.put("repeats", true);
        }
        if (item.enableBehavior() != null) {
            json.put("enableBehavior", item.enableBehavior().code());
        }
        return json;
    }

    private static ObjectNode writeItem(Item item) {
        ObjectNode json = commonItemFields(item);
        if (!item.options().isEmpty()) {
            ArrayNode options = json.putArray("options");
            for (AnswerOption option : item.options()) {
                ObjectNode o = options.addObject();
                putIfPresent(o, "system", option.system());
                o.put("code", option.code());
                putIfPresent(o, "display", option.display());
                if (option.weight() != null) {
                    o.put("weight", option.weight());
                }
            }
        }
        if (!item.enableWhen().isEmpty()) {
            ArrayNode conditions = json.putArray("enableWhen");
            for (EnableWhen condition : item.enableWhen()) {
                ObjectNode c = conditions.addObject().put("question", condition.question())
                        .put("operator", condition.operator().code());
                if (condition.answer() != null) {
                    c.set("answer", condition.answer().toJson());
                }
            }
        }
        if (!item.items().isEmpty()) {
            ArrayNode children = json.putArray("items");
            item.items().forEach(child -> children.add(writeItem(child)));
        }
        return json;
    }

    /** Reads the {@code scoring} object (also the value of the FHIR scoring extension). */
    static Scoring readScoring(JsonReading r, JsonNode json, String path) {
        if (!json.isObject()) {
            r.fail(path, "must be an object");
            return Scoring.NONE;
        }
        List<Subscale> subscales = r.objects(json, "subscales", path,
                (node, p) -> new Subscale(r.text(node, "name", p, true), r.strings(node, "items", p)));
        List<Band> bands = r.objects(json, "bands", path, (node, p) -> new Band(r.number(node, "min", p, true),
                r.number(node, "max", p, true), r.text(node, "label", p, true)));
        List<FlagRule> flags = r.objects(json, "flags", path, (node, p) -> {
            String flag = r.text(node, "flag", p, true);
            JsonNode when = node.path("when");
            if (!when.isObject()) {
                r.fail(at(p, "when"), "is required: {linkId or score, operator, value}");
                return new FlagRule(flag, null, null, null, null);
            }
            String w = at(p, "when");
            return new FlagRule(flag, r.text(when, "linkId", w, false), r.text(when, "score", w, false),
                    r.code(when, "operator", w, Operator::fromCode, true), r.value(when, "value", w));
        });
        return new Scoring(subscales, bands, flags);
    }

    static ObjectNode writeScoring(Scoring scoring) {
        ObjectNode json = MAPPER.createObjectNode();
        if (!scoring.subscales().isEmpty()) {
            ArrayNode subscales = json.putArray("subscales");
            for (Subscale subscale : scoring.subscales()) {
                ArrayNode items = subscales.addObject().put("name", subscale.name()).putArray("items");
                subscale.items().forEach(items::add);
            }
        }
        if (!scoring.bands().isEmpty()) {
            ArrayNode bands = json.putArray("bands");
            scoring.bands().forEach(b -> bands.addObject().put("min", b.min()).put("max", b.max())
                    .put("label", b.label()));
        }
        if (!scoring.flags().isEmpty()) {
            ArrayNode flags = json.putArray("flags");
            for (FlagRule rule : scoring.flags()) {
                ObjectNode when = flags.addObject().put("flag", rule.flag()).putObject("when");
                putIfPresent(when, "linkId", rule.linkId());
                putIfPresent(when, "score", rule.score());
                when.put("operator", rule.operator().code());
                if (rule.value() != null) {
                    when.set("value", rule.value().toJson());
                }
            }
        }
        return json;
    }

    static void putIfPresent(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}
