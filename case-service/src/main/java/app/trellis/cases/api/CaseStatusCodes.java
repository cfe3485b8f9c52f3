package app.trellis.cases.api;

import app.trellis.cases.domain.CaseStatus;
import app.trellis.platform.problem.ProblemException;
import java.util.Arrays;

/** Case statuses as the API spells them: {@code referred}, {@code open}, {@code on-hold}, {@code closed}. */
final class CaseStatusCodes {

    static final String PATTERN = "referred|open|on-hold|closed";

    private CaseStatusCodes() {
    }

    static String of(CaseStatus status) {
        return status.code();
    }

    static CaseStatus parse(String field, String code) {
        if (code == null || !code.matches(PATTERN)) {
            throw ProblemException.badRequest(field, "must be one of referred, open, on-hold, closed");
        }
        return Arrays.stream(CaseStatus.values()).filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    }
}
