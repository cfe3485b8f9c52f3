package app.trellis.assessment.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A {@link Score} as JSON text: portable between Aurora MySQL and MariaDB (no JSON column type). */
@Converter
public class ScoreConverter implements AttributeConverter<Score, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(Score score) {
        try {
            return score == null ? null : JSON.writeValueAsString(score);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("score is not serializable", e);
        }
    }

    @Override
    public Score convertToEntityAttribute(String text) {
        try {
            return text == null ? null : JSON.readValue(text, Score.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored score is not readable", e);
        }
    }
}
