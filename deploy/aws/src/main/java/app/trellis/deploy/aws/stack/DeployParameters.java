package app.trellis.deploy.aws.stack;

import app.trellis.deploy.aws.model.EnvironmentSettings;
import java.util.List;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Stack;

/**
 * What only the operator knows at deploy time, as CloudFormation parameters: the certificate, the identity
 * provider, the CORS origins of the web app, which image runs and which migrates, and how many tasks run.
 * Everything else comes from the environment's settings file.
 */
public final class DeployParameters {

    final CfnParameter certificateArn;
    final CfnParameter oidcIssuerUrl;
    final CfnParameter oidcAudiences;
    final CfnParameter corsOrigins;
    final CfnParameter releaseImageTag;
    final CfnParameter migrationImageTag;
    final CfnParameter tasksPerService;

    DeployParameters(Stack stack, EnvironmentSettings env) {
        certificateArn = string(stack, "CertificateArn",
                "ACM certificate (ARN) of the public host name; the load balancer speaks HTTPS only");
        certificateArn.setAllowedPattern("arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/.+");
        oidcIssuerUrl = string(stack, "OidcIssuerUrl",
                "OIDC issuer URL the services trust (a Cognito user pool or an external IdP), e.g. https://idp.example/realms/trellis");
        oidcIssuerUrl.setAllowedPattern("https://.+");
        oidcAudiences = string(stack, "OidcAudiences", "Audience(s) a token must carry, comma-separated");
        oidcAudiences.setDefaultValue("trellis-api");
        corsOrigins = string(stack, "CorsOrigins", "Origins of the web app allowed by CORS, comma-separated");
        corsOrigins.setAllowedPattern("https://.+");
        releaseImageTag = string(stack, "ReleaseImageTag",
                "Image tag the services run; change it only after the migration tasks of that tag succeeded");
        migrationImageTag = string(stack, "MigrationImageTag",
                "Image tag the one-off migration tasks (and the database bootstrap) run; set before ReleaseImageTag");
        tasksPerService = CfnParameter.Builder.create(stack, "TasksPerService").type("Number")
                .description("Tasks each service starts with and never scales below; 0 for the first deployment"
                        + " (before the database users, keys and migrations exist)")
                .defaultValue(env.tasks().minTasks()).minValue(0).maxValue(env.tasks().maxTasks()).build();
        for (CfnParameter tag : List.of(releaseImageTag, migrationImageTag)) {
            tag.setAllowedPattern("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
        }
    }

    private static CfnParameter string(Stack stack, String id, String description) {
        return CfnParameter.Builder.create(stack, id).type("String").description(description).build();
    }
}
