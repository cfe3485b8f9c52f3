package app.trellis.deploy.aws;

import app.trellis.deploy.aws.model.EnvironmentSettings;
import app.trellis.deploy.aws.model.QueuePlan;
import app.trellis.deploy.aws.stack.TrellisStack;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * Writes the CloudFormation template of every environment ({@code trellis-<env>.template.json}) to a directory:
 * {@code ./trellis synth} runs it. The same code builds the stacks the tests assert on.
 */
public final class SynthTemplates {

    private SynthTemplates() {
    }

    /** One app holding the three environments' stacks, synthesized into {@code outdir}. */
    public static CloudAssembly synthesize(Path outdir, List<String> environments) {
        App app = new App(AppProps.builder().outdir(outdir.toString())
                .context(Map.of(
                        // Server access logs are delivered under a bucket policy, not an ACL (ACLs are disabled).
                        "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true))
                .build());
        QueuePlan plan = QueuePlan.fromRoutingFile();
        for (String name : environments) {
            new TrellisStack(app, EnvironmentSettings.load(name), plan);
        }
        return app.synth();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SynthTemplates <output directory>");
            System.exit(2);
        }
        Path out = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(out);
        CloudAssembly assembly = synthesize(out, EnvironmentSettings.ALL);
        for (var stack : assembly.getStacks()) {
            Path file = out.resolve(stack.getTemplateFile());
            int resources = new ObjectMapper().readTree(file.toFile()).path("Resources").size();
            System.out.printf("synth: %s, %d resources -> %s%n", stack.getStackName(), resources, file);
        }
    }
}
