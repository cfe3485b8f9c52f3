package app.trellis.assessment.domain.instrument;

import static app.trellis.assessment.domain.instrument.JsonReading.at;

import app.trellis.assessment.domain.instrument.AnswerValue.BooleanValue;
import app.trellis.assessment.domain.instrument.AnswerValue.CodingValue;
import app.trellis.assessment.domain.instrument.AnswerValue.DateValue;
import app.trellis.assessment.domain.instrument.AnswerValue.NumberValue;
import app.trellis.assessment.domain.instrument.AnswerValue.StringValue;
import app.trellis.assessment.domain.instrument.InstrumentDefinition.AnswerOption;
import app.trellis.assessment.domain.instrument.InstrumentDefinition.EnableWhen;
import app.trellis.assessment.domain.instrument.InstrumentDefinition.Item;
import app.trellis.platform.problem.FieldError;
import app.trellis.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link InstrumentDefinition} checked and prepared for {@link ScoringEngine}: items indexed by linkId,
 * {@code enableWhen} references resolved to indexes, expected values read for their question's type, and an
 * order in which every item comes after everything its enablement depends on. Compile once per version (it
 * is immutable and safe to share between threads), then score any number of submissions with it.
 */
public final class CompiledInstrument {

    /** Index of the total among the scores a flag can look at; subscale {@code k} is {@code k}. */
    static final int TOTAL = -1;

    private final InstrumentDefinition definition;
    final Node[] nodes;
    final int[] evaluationOrder;
    private final Map<String, Node> byLinkId;
    final String[] subscaleNames;
    final int[][] subscaleItems;
    final InstrumentDefinition.Band[] bands;
    final Flag[] flags;

    private CompiledInstrument(InstrumentDefinition definition, Node[] nodes, int[] evaluationOrder,
            Map<String, Node> byLinkId, ScoringRules scoring) {
        this.definition = definition;
        this.nodes = nodes;
        this.evaluationOrder = evaluationOrder;
        this.byLinkId = byLinkId;
        this.subscaleNames = scoring.subscaleNames;
        this.subscaleItems = scoring.subscaleItems;
        this.bands = scoring.bands;
        this.flags = scoring.flags;
    }

    /**
     * Checks the definition and prepares it. Problems found (each with the field path of the definition,
     * e.g. {@code items[1].items[0].enableWhen[0].question}): missing or duplicate linkIds, a group without
     * items or a question with some, choice items without options, unknown or group questions in
     * {@code enableWhen}, operators or answers that do not fit the question, {@code enableWhen} cycles, scores
     * over unknown or unweighted items, bands that overlap, leave gaps or do not cover every possible total,
     * flags over unknown items or scores.
     *
     * @throws ProblemException 400 {@code validation} naming every problem
     */
    public static CompiledInstrument compile(InstrumentDefinition definition) {
        List<FieldError> errors = new ArrayList<>();
        if (definition.url() == null || definition.version() == null || definition.name() == null) {
            errors.add(new FieldError("url", "url, version and name are required"));
        }
        if (definition.items().isEmpty()) {
            errors.add(new FieldError("items", "must have at least one item"));
        }
        List<Node> flat = new ArrayList<>();
        Map<String, Node> byLinkId = new HashMap<>();
        for (int i = 0; i < definition.items().size(); i++) {
            flatten(definition.items().get(i), at("", "items", i), -1, flat, byLinkId, errors);
        }
        Node[] nodes = flat.toArray(Node[]::new);
        for (Node node : nodes) {
            node.resolveConditions(byLinkId, errors);
        }
        int[] order = errors.isEmpty() ? evaluationOrder(nodes, errors) : new int[0];
        ScoringRules scoring = errors.isEmpty() ? ScoringRules.compile(definition.scoring(), nodes, byLinkId, errors)
                : null;
        JsonReading.throwIfAny(errors, InstrumentJson.DEFINITION_NOT_VALID);
        return new CompiledInstrument(definition, nodes, order, Map.copyOf(byLinkId), scoring);
    }

    /** Checks the definition without keeping the result: every problem {@link #compile} would name. */
    public static List<FieldError> problems(InstrumentDefinition definition) {
        try {
            compile(definition);
            return List.of();
        } catch (ProblemException e) {
            return e.errors();
        }
    }

    public InstrumentDefinition definition() {
        return definition;
    }

    /** {@code url|version} of the definition. */
    public String canonical() {
        return definition.canonical();
    }

    Node node(String linkId) {
        return byLinkId.get(linkId);
    }

    private static void flatten(Item item, String path, int parent, List<Node> flat, Map<String, Node> byLinkId,
            List<FieldError> errors) {
        Node node = new Node(flat.size(), item, path, parent, errors);
        flat.add(node);
        if (item.linkId() == null || item.linkId().isBlank()) {
            errors.add(new FieldError(at(path, "linkId"), "is required"));
        } else {
            Node earlier = byLinkId.putIfAbsent(item.linkId(), node);
            if (earlier != null) {
                errors.add(new FieldError(at(path, "linkId"), "repeats the linkId of " + earlier.path));
            }
        }
        for (int i = 0; i < item.items().size(); i++) {
            flatten(item.items().get(i), at(path, "items", i), node.index, flat, byLinkId, errors);
        }
    }

    /**
     * Orders the items so that each comes after its group and after every question its conditions read (a
     * depth-first topological sort); a cycle is a problem named with the linkIds on it.
     */
    private static int[] evaluationOrder(Node[] nodes, List<FieldError> errors) {
        int[] order = new int[nodes.length];
        int[] state = new int[nodes.length]; // 0 unvisited, 1 on the current path, 2 placed
        int[] placed = {0};
        for (Node node : nodes) {
            List<Node> cycle = visit(node, nodes, state, order, placed);
            if (cycle != null) {
                List<String> linkIds = cycle.stream().map(n -> n.item.linkId()).toList();
                errors.add(new FieldError(at(cycle.get(0).path, "enableWhen"),
                        "the conditions form a cycle: " + String.join(" -> ", linkIds)));
                return order;
            }
        }
        return order;
    }

    /** Returns the nodes of a cycle found from {@code node}, first one repeated last, or null. */
    private static List<Node> visit(Node node, Node[] nodes, int[] state, int[] order, int[] placed) {
        if (state[node.index] == 2) {
            return null;
        }
        if (state[node.index] == 1) {
            List<Node> cycle = new ArrayList<>();
            cycle.add(node);
            return cycle;
        }
        state[node.index] = 1;
        List<Node> dependencies = new ArrayList<>();
        if (node.parent >= 0) {
            dependencies.add(nodes[node.parent]);
        }
        for (Condition condition : node.conditions) {
            dependencies.add(nodes[condition.question()]);
        }
        for (Node dependency : dependencies) {
            List<Node> cycle = visit(dependency, nodes, state, order, placed);
            if (cycle != null) {
                if (cycle.size() == 1 || cycle.get(0) != cycle.get(cycle.size() - 1)) {
                    cycle.add(0, node); // still walking back to where the cycle closed
                }
                return cycle;
            }
        }
        state[node.index] = 2;
        order[placed[0]++] = node.index;
        return null;
    }

    /** A condition with its question resolved to an index and its expected value read for that question. */
    record Condition(int question, Operator operator, AnswerValue expected) {

        boolean holds(List<AnswerValue> answers) {
            if (operator == Operator.EXISTS) {
                return (answers != null && !answers.isEmpty()) == ((BooleanValue) expected).value();
            }
            if (answers != null) {
                for (AnswerValue answer : answers) {
                    if (answer.satisfies(operator, expected)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** One option of a choice item: the value an answer choosing it is read as, and its weight. */
    record Option(CodingValue value, BigDecimal weight) {
    }

    /** One item, with what scoring needs of it at hand. */
    static final class Node {
        final int index;
        final Item item;
        final ItemType type;
        final String path;
        final int parent;
        final boolean weighted;
        final Map<String, Option> options;
        Condition[] conditions = new Condition[0];
        final boolean all;

        Node(int index, Item item, String path, int parent, List<FieldError> errors) {
            this.index = index;
            this.item = item;
            this.type = item.type();
            this.path = path;
            this.parent = parent;
            this.weighted = item.isWeighted();
            this.all = item.enableBehavior() != EnableBehavior.ANY;
            this.options = new LinkedHashMap<>();
            for (int i = 0; i < item.options().size(); i++) {
                AnswerOption option = item.options().get(i);
                if (option.code() == null || option.code().isBlank()) {
                    errors.add(new FieldError(at(at(path, "options", i), "code"), "is required"));
                } else if (options.putIfAbsent(option.code(),
                        new Option(new CodingValue(option.system(), option.code()), option.weight())) != null) {
                    errors.add(new FieldError(at(at(path, "options", i), "code"), "repeats another option's code"));
                }
            }
            checkShape(errors);
        }

        private void checkShape(List<FieldError> errors) {
            if (type == null) {
                errors.add(new FieldError(at(path, "type"), "is required"));
                return;
            }
            if (type == ItemType.GROUP) {
                if (item.items().isEmpty()) {
                    errors.add(new FieldError(at(path, "items"), "a group needs at least one item"));
                }
                if (item.repeats()) {
                    errors.add(new FieldError(at(path, "repeats"), "repeating groups are not supported"));
                }
            } else if (!item.items().isEmpty()) {
                errors.add(new FieldError(at(path, "items"), "only a group has items"));
            }
            if (type.hasOptions() && item.options().isEmpty()) {
                errors.add(new FieldError(at(path, "options"), "a " + type.code() + " item needs answer options"));
            } else if (!type.hasOptions() && !item.options().isEmpty()) {
                errors.add(new FieldError(at(path, "options"), "only choice and open-choice items have options"));
            }
        }

        void resolveConditions(Map<String, Node> byLinkId, List<FieldError> errors) {
            List<EnableWhen> enableWhen = item.enableWhen();
            if (enableWhen.size() > 1 && item.enableBehavior() == null) {
                errors.add(new FieldError(at(path, "enableBehavior"), "is required with more than one condition"));
            }
            conditions = new Condition[enableWhen.size()];
            for (int i = 0; i < enableWhen.size(); i++) {
                EnableWhen when = enableWhen.get(i);
                String conditionPath = at(path, "enableWhen", i);
                Node question = when.question() == null ? null : byLinkId.get(when.question());
                if (question == null || question.type == ItemType.GROUP || question == this) {
                    errors.add(new FieldError(at(conditionPath, "question"), question == null
                            ? "is not the linkId of an item" : "must be another item that takes answers"));
                    continue;
                }
                AnswerValue expected = question.expectedValue(when.operator(), when.answer(), conditionPath, "answer",
                        errors);
                conditions[i] = new Condition(question.index, when.operator(), expected);
            }
        }

        /**
         * The value a condition on this item's answers compares with, read for this item's type; null (and
         * a problem at {@code path.field}) when the operator or the value does not fit.
         */
        AnswerValue expectedValue(Operator operator, AnswerValue value, String path, String field,
                List<FieldError> errors) {
            if (operator == null) {
                errors.add(new FieldError(at(path, "operator"), "is required"));
                return null;
            }
            if (operator == Operator.EXISTS) {
                if (!(value instanceof BooleanValue)) {
                    errors.add(new FieldError(at(path, field), "exists needs true or false"));
                }
                return value;
            }
            if (operator.isOrdering() && !type.isOrdered()) {
                errors.add(new FieldError(at(path, "operator"),
                        operator.code() + " cannot compare answers of a " + type.code() + " item"));
                return null;
            }
            AnswerValue expected = value == null ? null : read(value);
            if (expected == null) {
                errors.add(new FieldError(at(path, field), "does not fit item '" + item.linkId() + "': "
                        + expectation()));
            }
            return expected;
        }

        /** The answer {@code value} read for this item's type, or null if it does not fit. */
        AnswerValue read(AnswerValue value) {
            switch (type) {
                case BOOLEAN:
                    return value instanceof BooleanValue ? value : null;
                case INTEGER:
                    return value instanceof NumberValue n && isWhole(n.value()) ? value : null;
                case DECIMAL:
                    return value instanceof NumberValue ? value : null;
                case STRING:
                case TEXT:
                    return value instanceof StringValue ? value : null;
                case DATE:
                    return value instanceof DateValue ? value : value instanceof StringValue s ? date(s.value()) : null;
                case CHOICE:
                case OPEN_CHOICE:
                    Option option = option(value);
                    if (option != null) {
                        return option.value();
                    }
                    return type == ItemType.OPEN_CHOICE && value instanceof StringValue ? value : null;
                default:
                    return null;
            }
        }

        private Option option(AnswerValue value) {
            if (value instanceof StringValue s) {
                return options.get(s.value());
            }
            if (value instanceof CodingValue c) {
                Option option = options.get(c.code());
                return option == null || c.system() == null || option.value().system() == null
                        || option.value().system().equals(c.system()) ? option : null;
            }
            return null;
        }

        /** The weight of an answer already {@link #read}; zero for free text or an unweighted option. */
        BigDecimal weight(AnswerValue answer) {
            Option option = answer instanceof CodingValue c ? options.get(c.code()) : null;
            return option == null || option.weight() == null ? BigDecimal.ZERO : option.weight();
        }

        /** What an answer to this item must be, for a problem's message. */
        String expectation() {
            return switch (type) {
                case BOOLEAN -> "must be true or false";
                case INTEGER -> "must be a whole number";
                case DECIMAL -> "must be a number";
                case STRING, TEXT -> "must be text";
                case DATE -> "must be a date (YYYY-MM-DD)";
                case CHOICE -> "must be one of the answer options";
                case OPEN_CHOICE -> "must be one of the answer options or text";
                case GROUP -> "a group takes no answers";
            };
        }

        private static DateValue date(String text) {
            try {
                return new DateValue(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        static boolean isWhole(BigDecimal value) {
            return value.signum() == 0 || value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0;
        }
    }

    /** A flag rule resolved: the item ({@code node >= 0}) or score ({@code score}) it looks at. */
    record Flag(String flag, int node, int score, Condition condition) {
    }
}
