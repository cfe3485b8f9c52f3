package app.trellis.deploy.aws.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The templates pass cfn-lint (the Python package, with deploy/aws/.cfnlintrc) where it is installed; where it
 * is not, the test says so and is skipped.
 */
class CfnLintTest {

    @Test
    void theTemplatesPassCfnLint() throws Exception {
        String cfnLint = onPath("cfn-lint");
        assumeTrue(cfnLint != null, "cfn-lint is not installed (pip install cfn-lint): templates not linted");
        List<String> command = new ArrayList<>(List.of(cfnLint, "--config-file", ".cfnlintrc", "--"));
        Synthesized.files().forEach(f -> command.add(f.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(process.waitFor(5, TimeUnit.MINUTES), "cfn-lint did not finish");
        assertEquals(0, process.exitValue(), "cfn-lint:\n" + output);
    }

    static String onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (candidate.toFile().canExecute()) {
                return candidate.toString();
            }
        }
        return null;
    }
}
