package app.trellis.assessment.domain.instrument;

import app.trellis.assessment.domain.instrument.AnswerValue.NumberValue;
import app.trellis.assessment.domain.instrument.CompiledInstrument.Condition;
import app.trellis.assessment.domain.instrument.CompiledInstrument.Flag;
import app.trellis.assessment.domain.instrument.CompiledInstrument.Node;
import app.trellis.assessment.domain.instrument.InstrumentDefinition.Band;
import app.trellis.platform.problem.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a submission against a {@link CompiledInstrument} and scores it. Stateless; the per-submission work
 * is a few array passes over the items (no reflection, no lookups beyond one map access per answer).
 *
 * <p>Rules, as FHIR R4 defines {@code enableWhen}: an item is enabled when its group is and its conditions hold
 * (all of them, or any with {@code enableBehavior: any}); a condition reads the answers of its question only
 * while that question is enabled; every operator but {@code exists} holds when any answer satisfies it, and
 * none holds for an unanswered question. A submission is refused when it answers an unknown item, a group or
 * an item that is not enabled, gives several answers to an item that does not repeat, gives an answer of the
 * wrong type or not among the options, or leaves an enabled required item unanswered (a required group:
 * at least one of its items). An item whose enablement depends on a wrongly typed answer gets no further problem.
 */
public final class ScoringEngine {

    /** Stored with every score; raise it whenever a change could compute a different score. */
    public static final String VERSION = "1";

    private ScoringEngine() {
    }

    /**
     * Evaluates answers given as JSON: an object of linkId to an array of values (a single value is taken as
     * an array of one, null as no answer), each value as {@link AnswerValue#fromJson} reads it.
     */
    public static Evaluation evaluate(CompiledInstrument instrument, JsonNode answers) {
        return evaluate(instrument, answers, true);
    }

    /**
     * Checks the answers of a draft, which may be incomplete: every answer must be to an item of the
     * instrument, of its type and among its options, but required items may be unanswered and answers to
     * items that are not (yet) enabled are kept (submitting refuses them). The result has no score.
     */
    public static Evaluation checkDraft(CompiledInstrument instrument, JsonNode answers) {
        return evaluate(instrument, answers, false);
    }

    private static Evaluation evaluate(CompiledInstrument instrument, JsonNode answers, boolean complete) {
        if (answers == null || !answers.isObject()) {
            return invalid(List.of(new FieldError("answers", "must be an object of linkId to answers")));
        }
        Map<String, List<AnswerValue>> read = new LinkedHashMap<>();
        List<FieldError> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = answers.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode json = field.getValue();
            List<AnswerValue> values = new ArrayList<>(json.isArray() ? json.size() : 1);
            for (JsonNode value : json.isArray() ? json : json.isNull() ? List.<JsonNode>of() : List.of(json)) {
                AnswerValue answer = AnswerValue.fromJson(value);
                if (answer == null) {
                    problems.add(new FieldError(field(field.getKey()),
                            "each answer must be a boolean, number, string or {system, code}"));
                    break;
                }
                values.add(answer);
            }
            read.put(field.getKey(), values);
        }
        return problems.isEmpty() ? evaluate(instrument, read, complete) : invalid(problems);
    }

    /** Evaluates answers by linkId; an absent, null or empty list is no answer. */
    public static Evaluation evaluate(CompiledInstrument instrument, Map<String, List<AnswerValue>> answers) {
        return evaluate(instrument, answers, true);
    }

    private static Evaluation evaluate(CompiledInstrument instrument, Map<String, List<AnswerValue>> answers,
            boolean complete) {
        Node[] nodes = instrument.nodes;
        List<AnswerValue>[] values = newValues(nodes.length);
        BigDecimal[] scores = new BigDecimal[nodes.length];
        boolean[] uncertain = new boolean[nodes.length];
        String[] itemProblems = new String[nodes.length];
        List<FieldError> problems = new ArrayList<>();
        for (Map.Entry<String, List<AnswerValue>> answer : answers.entrySet()) {
            Node node = instrument.node(answer.getKey());
            if (node == null || node.type == ItemType.GROUP) {
                problems.add(new FieldError(field(answer.getKey()),
                        node == null ? "is not an item of this instrument" : "is a group, which takes no answers"));
            } else if (answer.getValue() != null && !answer.getValue().isEmpty()) {
                read(node, answer.getValue(), values, scores, uncertain, itemProblems);
            }
        }
        boolean[] enabled = enablement(instrument, values, uncertain);
        boolean[] answeredWithin = answeredWithin(nodes, values, enabled);
        for (Node node : nodes) {
            int i = node.index;
            if (itemProblems[i] != null || uncertain[i] || !complete) {
                continue;
            }
            if (values[i] != null && !enabled[i]) {
                itemProblems[i] = "is not enabled by the other answers, so it takes no answer";
            } else if (enabled[i] && node.item.required() && !answeredWithin[i]) {
                itemProblems[i] = node.type == ItemType.GROUP ? "is required: answer its items" : "is required";
            }
        }
        for (Node node : nodes) {
            if (itemProblems[node.index] != null) {
                problems.add(new FieldError(field(node.item.linkId()), itemProblems[node.index]));
            }
        }
        if (!problems.isEmpty()) {
            return invalid(problems);
        }
        return new Evaluation(List.of(), answersInOrder(nodes, values),
                complete ? score(instrument, values, scores) : null);
    }

    private static void read(Node node, List<AnswerValue> given, List<AnswerValue>[] values, BigDecimal[] scores,
            boolean[] uncertain, String[] itemProblems) {
        int i = node.index;
        if (given.size() > 1 && !node.item.repeats()) {
            itemProblems[i] = "takes one answer";
            uncertain[i] = true;
            return;
        }
        List<AnswerValue> read = new ArrayList<>(given.size());
        BigDecimal score = BigDecimal.ZERO;
        for (AnswerValue value : given) {
            AnswerValue answer = value == null ? null : node.read(value);
            if (answer == null) {
                itemProblems[i] = node.expectation();
                uncertain[i] = true;
                return;
            }
            read.add(answer);
            if (node.weighted) {
                score = score.add(node.weight(answer));
            }
        }
        values[i] = read;
        scores[i] = score;
    }

    /** Which items are enabled, in an order where conditions only read items already decided. */
    private static boolean[] enablement(CompiledInstrument instrument, List<AnswerValue>[] values,
            boolean[] uncertain) {
        Node[] nodes = instrument.nodes;
        boolean[] enabled = new boolean[nodes.length];
        for (int i : instrument.evaluationOrder) {
            Node node = nodes[i];
            boolean on = node.parent < 0 || enabled[node.parent];
            uncertain[i] |= node.parent >= 0 && uncertain[node.parent];
            if (on && node.conditions.length > 0) {
                boolean any = false;
                boolean all = true;
                for (Condition condition : node.conditions) {
                    int q = condition.question();
                    uncertain[i] |= uncertain[q];
                    boolean holds = condition.holds(enabled[q] ? values[q] : null);
                    any |= holds;
                    all &= holds;
                }
                on = node.all ? all : any;
            }
            enabled[i] = on;
        }
        return enabled;
    }

    /** Whether each item is answered (a group: any item within it), counting enabled items only. */
    private static boolean[] answeredWithin(Node[] nodes, List<AnswerValue>[] values, boolean[] enabled) {
        boolean[] answered = new boolean[nodes.length];
        // Items are in document order, so every item comes after its group: walk back to fill groups.
        for (int i = nodes.length - 1; i >= 0; i--) {
            answered[i] |= values[i] != null && enabled[i];
            if (answered[i] && nodes[i].parent >= 0) {
                answered[nodes[i].parent] = true;
            }
        }
        return answered;
    }

    private static ScoreResult score(CompiledInstrument instrument, List<AnswerValue>[] values, BigDecimal[] scores) {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] != null && instrument.nodes[i].weighted) {
                total = total.add(scores[i]);
            }
        }
        BigDecimal[] subscales = new BigDecimal[instrument.subscaleNames.length];
        Map<String, BigDecimal> subscaleMap = new LinkedHashMap<>();
        for (int s = 0; s < subscales.length; s++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int i : instrument.subscaleItems[s]) {
                sum = scores[i] == null ? sum : sum.add(scores[i]);
            }
            subscales[s] = sum;
            subscaleMap.put(instrument.subscaleNames[s], sum);
        }
        String band = null;
        for (Band candidate : instrument.bands) {
            if (candidate.min().compareTo(total) <= 0 && total.compareTo(candidate.max()) <= 0) {
                band = candidate.label();
                break;
            }
        }
        Set<String> flags = new LinkedHashSet<>();
        for (Flag flag : instrument.flags) {
            List<AnswerValue> actual;
            if (flag.node() >= 0) {
                int i = flag.node();
                boolean weighted = instrument.nodes[i].weighted;
                actual = !weighted ? values[i] : scores[i] == null ? null : List.of(new NumberValue(scores[i]));
            } else {
                actual = List.of(new NumberValue(flag.score() == CompiledInstrument.TOTAL ? total
                        : subscales[flag.score()]));
            }
            if (flag.condition().holds(actual)) {
                flags.add(flag.flag());
            }
        }
        return new ScoreResult(total, subscaleMap, band, new ArrayList<>(flags), instrument.canonical(), VERSION);
    }

    private static Map<String, List<AnswerValue>> answersInOrder(Node[] nodes, List<AnswerValue>[] values) {
        Map<String, List<AnswerValue>> answers = new LinkedHashMap<>();
        for (Node node : nodes) {
            if (values[node.index] != null) {
                answers.put(node.item.linkId(), List.copyOf(values[node.index]));
            }
        }
        return Collections.unmodifiableMap(answers);
    }

    private static Evaluation invalid(List<FieldError> problems) {
        return new Evaluation(List.copyOf(problems), Map.of(), null);
    }

    private static String field(String linkId) {
        return "answers." + linkId;
    }

    @SuppressWarnings("unchecked")
    private static List<AnswerValue>[] newValues(int size) {
        return (List<AnswerValue>[]) new List<?>[size];
    }
}
