package app.trellis.assessment.domain.instrument;

import java.math.BigDecimal;
import java.util.List;

/**
 * One version of an instrument, as authored: items (FHIR R4 Questionnaire subset) and scoring rules.
 * Immutable; {@link InstrumentJson} reads and writes the JSON Trellis stores, {@link FhirQuestionnaires}
 * converts to and from FHIR, {@link CompiledInstrument#compile} checks it and prepares it for scoring.
 *
 * @param url       canonical URL of the instrument, e.g. {@code https://trellis.app/fhir/Questionnaire/phq-9}
 * @param version   version label, e.g. {@code 1}; {@code url|version} pins an assessment to this version
 * @param name      machine-friendly code, e.g. {@code phq-9}
 * @param title     human title
 * @param items     top-level items, in display order
 * @param scoring   scoring rules; {@link Scoring#NONE} for an instrument that is not scored
 */
public record InstrumentDefinition(String url, String version, String name, String title, List<Item> items,
        Scoring scoring) {

    public InstrumentDefinition {
        items = items == null ? List.of() : List.copyOf(items);
        scoring = scoring == null ? Scoring.NONE : scoring;
    }

    /** {@code url|version}: the FHIR canonical reference to exactly this version. */
    public String canonical() {
        return url + "|" + version;
    }

    /**
     * One question or group.
     *
     * @param required      the item must be answered while it is enabled (a group: one of its items must be)
     * @param repeats       the item takes several answers (not supported on groups)
     * @param options       answer options of a choice or open-choice item
     * @param enableWhen    conditions on other items' answers; none means always enabled (if its group is)
     * @param enableBehavior how several conditions combine; null when there are fewer than two
     * @param items         the items of a group
     */
    public record Item(String linkId, String text, ItemType type, boolean required, boolean repeats,
            List<AnswerOption> options, List<EnableWhen> enableWhen, EnableBehavior enableBehavior,
            List<Item> items) {

        public Item {
            options = options == null ? List.of() : List.copyOf(options);
            enableWhen = enableWhen == null ? List.of() : List.copyOf(enableWhen);
            items = items == null ? List.of() : List.copyOf(items);
        }

        /** A question without options, conditions or children. */
        public static Item question(String linkId, String text, ItemType type, boolean required) {
            return new Item(linkId, text, type, required, false, List.of(), List.of(), null, List.of());
        }

        public boolean isWeighted() {
            return options.stream().anyMatch(o -> o.weight() != null);
        }
    }

    /**
     * One answer option. {@code weight} (FHIR {@code itemWeight}) is what choosing it adds to the scores;
     * null for an option that scores nothing.
     */
    public record AnswerOption(String system, String code, String display, BigDecimal weight) {
    }

    /** FHIR R4 {@code enableWhen}: {@code question} is another item's linkId; {@code answer} null for none. */
    public record EnableWhen(String question, Operator operator, AnswerValue answer) {
    }

    /**
     * Scoring rules. The total is the sum of the weights of the chosen options of every item that has
     * weighted options (only enabled, answered items count); subscales sum the same over named item sets;
     * bands name ranges of the total; flags are raised by conditions.
     */
    public record Scoring(List<Subscale> subscales, List<Band> bands, List<FlagRule> flags) {
        public static final Scoring NONE = new Scoring(List.of(), List.of(), List.of());

        public Scoring {
            subscales = subscales == null ? List.of() : List.copyOf(subscales);
            bands = bands == null ? List.of() : List.copyOf(bands);
            flags = flags == null ? List.of() : List.copyOf(flags);
        }
    }

    /** A named score: the sum of the weights chosen on {@code items} (linkIds of weighted items). */
    public record Subscale(String name, List<String> items) {
        public Subscale {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** The total from {@code min} to {@code max} (both included, whole numbers) is called {@code label}. */
    public record Band(BigDecimal min, BigDecimal max, String label) {
    }

    /**
     * Raises {@code flag} when a condition holds. The condition looks at one item ({@code linkId}) or one
     * score ({@code score}: {@code total} or a subscale name), never both. For an item with weighted options
     * the compared value is the item's score (the weights of its chosen options); for any other item, its
     * answers (any answer may satisfy it), as in {@code enableWhen}. Several rules may raise the same flag.
     */
    public record FlagRule(String flag, String linkId, String score, Operator operator, AnswerValue value) {
    }
}
