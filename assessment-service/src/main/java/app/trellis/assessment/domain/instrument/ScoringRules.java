package app.trellis.assessment.domain.instrument;

import static app.trellis.assessment.domain.instrument.JsonReading.at;

import app.trellis.assessment.domain.instrument.AnswerValue.BooleanValue;
import app.trellis.assessment.domain.instrument.AnswerValue.NumberValue;
import app.trellis.assessment.domain.instrument.CompiledInstrument.Condition;
import app.trellis.assessment.domain.instrument.CompiledInstrument.Flag;
import app.trellis.assessment.domain.instrument.CompiledInstrument.Node;
import app.trellis.assessment.domain.instrument.CompiledInstrument.Option;
import app.trellis.assessment.domain.instrument.InstrumentDefinition.Band;
import app.trellis.assessment.domain.instrument.InstrumentDefinition.FlagRule;
import app.trellis.assessment.domain.instrument.InstrumentDefinition.Scoring;
import app.trellis.assessment.domain.instrument.InstrumentDefinition.Subscale;
import app.trellis.platform.problem.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checked, index-resolved form of a definition's {@link Scoring}. */
final class ScoringRules {

    final String[] subscaleNames;
    final int[][] subscaleItems;
    final Band[] bands;
    final Flag[] flags;

    private ScoringRules(String[] subscaleNames, int[][] subscaleItems, Band[] bands, Flag[] flags) {
        this.subscaleNames = subscaleNames;
        this.subscaleItems = subscaleItems;
        this.bands = bands;
        this.flags = flags;
    }

    static ScoringRules compile(Scoring scoring, Node[] nodes, Map<String, Node> byLinkId, List<FieldError> errors) {
        List<String> names = new ArrayList<>();
        int[][] subscaleItems = new int[scoring.subscales().size()][];
        for (int i = 0; i < subscaleItems.length; i++) {
            Subscale subscale = scoring.subscales().get(i);
            String path = at("scoring", "subscales", i);
            if (subscale.name() == null || subscale.name().isBlank() || subscale.name().equals("total")
                    || names.contains(subscale.name())) {
                errors.add(new FieldError(at(path, "name"), "needs a name of its own (not 'total')"));
            }
            names.add(subscale.name());
            subscaleItems[i] = weightedItems(subscale.items(), byLinkId, at(path, "items"), errors);
        }
        Band[] bands = checkBands(scoring.bands(), nodes, errors);
        Flag[] flags = new Flag[scoring.flags().size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = flag(scoring.flags().get(i), at("scoring", "flags", i), byLinkId, names, errors);
        }
        return new ScoringRules(names.toArray(String[]::new), subscaleItems, bands, flags);
    }

    private static int[] weightedItems(List<String> linkIds, Map<String, Node> byLinkId, String path,
            List<FieldError> errors) {
        if (linkIds.isEmpty()) {
            errors.add(new FieldError(path, "must name at least one item"));
        }
        Set<String> seen = new HashSet<>();
        int[] indexes = new int[linkIds.size()];
        for (int i = 0; i < indexes.length; i++) {
            Node node = byLinkId.get(linkIds.get(i));
            if (node == null || !node.weighted || !seen.add(linkIds.get(i))) {
                errors.add(new FieldError(path + "[" + i + "]", node == null ? "is not the linkId of an item"
                        : node.weighted ? "is named twice" : "is not an item with weighted options"));
            } else {
                indexes[i] = node.index;
            }
        }
        return indexes;
    }

    /**
     * Bands cover whole-number totals, in order, each from its {@code min} to its {@code max}: no two may
     * overlap, none may leave a gap after the one before, and together they must cover every total the items
     * can give (unless a weighted item repeats, which leaves the total unbounded).
     */
    private static Band[] checkBands(List<Band> bands, Node[] nodes, List<FieldError> errors) {
        int before = errors.size();
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            String path = at("scoring", "bands", i);
            if (band.label() == null || band.min() == null || band.max() == null) {
                errors.add(new FieldError(path, "needs min, max and label"));
            } else if (!Node.isWhole(band.min()) || !Node.isWhole(band.max()) || band.min().compareTo(band.max()) > 0) {
                errors.add(new FieldError(path, "min and max must be whole numbers, min no more than max"));
            }
        }
        if (errors.size() > before || bands.isEmpty()) {
            return bands.toArray(Band[]::new);
        }
        List<Band> sorted = bands.stream().sorted(Comparator.comparing(Band::min)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            Band previous = sorted.get(i - 1);
            BigDecimal next = previous.max().add(BigDecimal.ONE);
            int c = sorted.get(i).min().compareTo(next);
            if (c != 0) {
                errors.add(new FieldError(at("scoring", "bands", bands.indexOf(sorted.get(i))), c < 0
                        ? "overlaps the band '" + previous.label() + "'"
                        : "leaves a gap after the band '" + previous.label() + "' (from " + next + ")"));
            }
        }
        BigDecimal lowest = BigDecimal.ZERO;
        BigDecimal highest = BigDecimal.ZERO;
        boolean bounded = true;
        for (Node node : nodes) {
            if (!node.weighted) {
                continue;
            }
            bounded &= !node.item.repeats();
            BigDecimal min = BigDecimal.ZERO;
            BigDecimal max = BigDecimal.ZERO;
            for (Option option : node.options.values()) {
                BigDecimal weight = option.weight() == null ? BigDecimal.ZERO : option.weight();
                if (!Node.isWhole(weight)) {
                    errors.add(new FieldError("scoring.bands", "bands need whole-number weights; item '"
                            + node.item.linkId() + "' has another"));
                }
                min = min.min(weight);
                max = max.max(weight);
            }
            lowest = lowest.add(min);
            highest = highest.add(max);
        }
        if (sorted.get(0).min().compareTo(lowest) > 0) {
            errors.add(new FieldError("scoring.bands", "no band covers the lowest possible total, " + lowest));
        }
        if (bounded && sorted.get(sorted.size() - 1).max().compareTo(highest) < 0) {
            errors.add(new FieldError("scoring.bands", "no band covers the highest possible total, " + highest));
        }
        return sorted.toArray(Band[]::new);
    }

    private static Flag flag(FlagRule rule, String path, Map<String, Node> byLinkId, List<String> subscales,
            List<FieldError> errors) {
        if (rule.flag() == null || rule.flag().isBlank()) {
            errors.add(new FieldError(at(path, "flag"), "is required"));
        }
        String when = at(path, "when");
        if ((rule.linkId() == null) == (rule.score() == null)) {
            errors.add(new FieldError(when, "needs either linkId or score"));
            return null;
        }
        if (rule.linkId() != null) {
            Node node = byLinkId.get(rule.linkId());
            if (node == null || node.type == ItemType.GROUP) {
                errors.add(new FieldError(at(when, "linkId"), "is not the linkId of an item that takes answers"));
                return null;
            }
            AnswerValue expected = node.weighted ? scoreValue(rule, when, errors)
                    : node.expectedValue(rule.operator(), rule.value(), when, "value", errors);
            return new Flag(rule.flag(), node.index, 0, new Condition(node.index, rule.operator(), expected));
        }
        boolean total = rule.score().equals("total");
        int score = total ? CompiledInstrument.TOTAL : subscales.indexOf(rule.score());
        if (!total && score < 0) {
            errors.add(new FieldError(at(when, "score"), "is neither 'total' nor a subscale"));
            return null;
        }
        return new Flag(rule.flag(), -1, score, new Condition(-1, rule.operator(), scoreValue(rule, when, errors)));
    }

    /** The value a condition on a score compares with: a number, or true/false for exists. */
    private static AnswerValue scoreValue(FlagRule rule, String path, List<FieldError> errors) {
        if (rule.operator() == null) {
            errors.add(new FieldError(at(path, "operator"), "is required"));
        } else if (rule.operator() == Operator.EXISTS ? !(rule.value() instanceof BooleanValue)
                : !(rule.value() instanceof NumberValue)) {
            errors.add(new FieldError(at(path, "value"), rule.operator() == Operator.EXISTS
                    ? "exists needs true or false" : "a score compares with a number"));
        }
        return rule.value();
    }
}
