package app.trellis.assessment.domain.instrument;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Test helpers: JSON written with single quotes, evaluation against library seeds. */
final class Answers {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Answers() {
    }

    /** {@code json("{'a': [1]}")}: JSON with ' for ", to keep test tables readable. */
    static JsonNode json(String singleQuoted) {
        try {
            return MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static CompiledInstrument seed(String name) {
        return CompiledInstrument.compile(InstrumentLibrary.load("instruments/" + name + ".json"));
    }

    static CompiledInstrument compile(String singleQuotedDefinition) {
        return CompiledInstrument.compile(InstrumentJson.read(json(singleQuotedDefinition)));
    }

    static Evaluation evaluate(CompiledInstrument instrument, String singleQuotedAnswers) {
        return ScoringEngine.evaluate(instrument, json(singleQuotedAnswers));
    }
}
