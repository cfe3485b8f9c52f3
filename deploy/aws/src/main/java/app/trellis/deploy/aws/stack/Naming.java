package app.trellis.deploy.aws.stack;

import app.trellis.deploy.aws.model.EnvironmentSettings;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Tags;
import software.constructs.IConstruct;

/**
 * The naming standard: every name starts with {@code <environment>-trellis}, so a console, a bill or an alarm
 * says which environment it is about; queues keep the routing file's names behind the environment
 * ({@code staging-trellis-case-events}, as ../shared/CONVENTIONS.md says). Tags say the same to tools.
 */
public final class Naming {

    public static final String TAG_ENVIRONMENT = "environment";
    public static final String TAG_SERVICE = "service";
    public static final String TAG_DATA_CLASSIFICATION = "data-classification";
    /** The {@code service} tag of what all services share (network, database, queues, keys). */
    public static final String SHARED = "platform";

    private final EnvironmentSettings env;

    public Naming(EnvironmentSettings env) {
        this.env = env;
    }

    public EnvironmentSettings env() {
        return env;
    }

    /** {@code production-trellis-documents}. */
    public String name(String what) {
        return env.prefix() + "-" + what;
    }

    /** A queue of the routing file in this environment: the prefix the services add ({@code trellis.messaging.queue-prefix}). */
    public String queue(String routingName) {
        return queuePrefix() + routingName;
    }

    public String queuePrefix() {
        return env.name() + "-";
    }

    /** Secrets as a path: {@code production/trellis/case-service/db-runtime}. */
    public String secret(String owner, String what) {
        return env.name() + "/trellis/" + owner + "/" + what;
    }

    /** Globally unique bucket names: account and region appended to the environment's name. */
    public String bucket(String what) {
        return name(what) + "-" + Aws.ACCOUNT_ID + "-" + Aws.REGION;
    }

    public String logGroup(String owner) {
        return "/" + env.name() + "/trellis/" + owner;
    }

    /** Data and the keys that protect it outlive the stack where the environment says so. */
    public RemovalPolicy dataRemovalPolicy() {
        return env.retainData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    }

    /** Tags on everything under {@code scope}; the stack gets {@link #SHARED}, a service's constructs its name. */
    public void tag(IConstruct scope, String service) {
        Tags.of(scope).add(TAG_ENVIRONMENT, env.name());
        Tags.of(scope).add(TAG_SERVICE, service);
        Tags.of(scope).add(TAG_DATA_CLASSIFICATION, env.dataClassification());
        Tags.of(scope).add("project", "trellis");
    }
}
