package app.trellis.cases.domain;

/** A change the case's rules forbid; {@code rule} names the rule for the caller (409 problem). */
public class CaseRuleViolation extends RuntimeException {

    private final String rule;

    public CaseRuleViolation(String rule, String message) {
        super(message, null, false, false);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
