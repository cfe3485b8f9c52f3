package app.trellis.assessment.domain.instrument;

import app.trellis.platform.problem.FieldError;
import app.trellis.platform.problem.ProblemException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link ScoringEngine#evaluate}: either problems (the submission is refused as a whole) or
 * the answers as read and their score.
 *
 * @param problems one per wrong answer or missing required item, field {@code answers.<linkId>}; the messages
 *                 name rules, never answer values
 * @param answers  when valid: the answers by linkId in the order of the definition, each value read for its
 *                 item's type (dates as {@link AnswerValue.DateValue}, chosen options as
 *                 {@link AnswerValue.CodingValue}, open-choice free text as {@link AnswerValue.StringValue})
 * @param score    when valid: the score; otherwise null
 */
public record Evaluation(List<FieldError> problems, Map<String, List<AnswerValue>> answers, ScoreResult score) {

    public boolean isValid() {
        return problems.isEmpty();
    }

    /**
     * The answers as JSON to store (linkId to an array of values); {@link ScoringEngine#evaluate(CompiledInstrument,
     * com.fasterxml.jackson.databind.JsonNode)} reads it back to the same answers.
     */
    public ObjectNode answersJson() {
        ObjectNode json = InstrumentJson.MAPPER.createObjectNode();
        answers.forEach((linkId, values) -> {
            ArrayNode array = json.putArray(linkId);
            values.forEach(value -> array.add(value.toJson()));
        });
        return json;
    }

    /** @throws ProblemException 400 {@code validation} with {@link #problems} as its {@code errors[]} */
    public ScoreResult scoreOrThrow() {
        JsonReading.throwIfAny(problems, "The answers are not valid");
        return score;
    }
}
