package app.trellis.platform.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Map;

/**
 * The entry point of every service jar. {@code java -jar quarkus-run.jar} serves; {@code ... migrate} runs the
 * schema migration as the migration user and exits, before the service (locally {@code ./trellis up}, in AWS a
 * one-off ECS task with {@code command: ["migrate"]} before the rolling deploy). The service itself never holds
 * the migration user's credentials.
 */
@QuarkusMain
public final class TrellisMain {

    private TrellisMain() {
    }

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("migrate")) {
            System.exit(MigrateCommand.run(MigrateCommand.config(profile(), Map.of()), System.out, System.err));
        }
        Quarkus.run(args);
    }

    /** The profile Quarkus would start with ({@code -Dquarkus.profile}, {@code QUARKUS_PROFILE}, else prod). */
    private static String profile() {
        String profile = System.getProperty("quarkus.profile", System.getenv("QUARKUS_PROFILE"));
        return profile == null || profile.isBlank() ? "prod" : profile;
    }
}
