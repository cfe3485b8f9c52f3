package app.trellis.deploy.aws.stack;

import software.amazon.awscdk.CfnOutput;
import software.constructs.Construct;

/** Stack outputs under stable names, so the runbooks can read them ({@code describe-stacks}). */
final class Outputs {

    private Outputs() {
    }

    static void add(Construct scope, String name, String value, String description) {
        CfnOutput output = CfnOutput.Builder.create(scope, name).value(value).description(description).build();
        output.overrideLogicalId(name);
    }

    /** {@code CaseService} for {@code case-service}. */
    static String camel(String dashed) {
        StringBuilder out = new StringBuilder();
        for (String part : dashed.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
