package app.trellis.deploy.aws.stack;

import app.trellis.deploy.aws.model.ServiceCatalog;
import app.trellis.deploy.aws.model.TrellisService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecs.AppProtocol;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargatePlatformVersion;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.PropagatedTagSource;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.ecs.ServiceConnectProps;
import software.amazon.awscdk.services.ecs.ServiceConnectService;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * One module on ECS Fargate: its image repository, log group, roles, task definition and service, rolling
 * deployments that roll back by themselves when new tasks fail their health checks, scaling on its own signal,
 * and, for a service with a schema, its one-off migration task and its field-encryption key ring.
 */
public final class ServiceDeployment extends Construct {

    public static final String READINESS_PATH = "/q/health/ready";
    /** SIGTERM to SIGKILL: the service finishes its requests and in-flight messages within it. */
    static final Duration STOP_TIMEOUT = Duration.seconds(30);
    static final String PORT_NAME = "http";

    final TrellisService service;
    final Repository repository;
    final LogGroup logs;
    final Role taskRole;
    final FargateTaskDefinition taskDefinition;
    final FargateService ecsService;
    final SecurityGroup securityGroup;

    ServiceDeployment(Construct scope, TrellisService service, Foundation f) {
        super(scope, service.name());
        Naming naming = f.naming();
        naming.tag(this, service.name());
        this.service = service;
        var tasks = naming.env().tasks();
        repository = ImageRepository.create(this, naming, service.name());
        logs = Logs.group(this, "Logs", naming, naming.logGroup(service.name()), f.keys());
        taskRole = TaskDefinitions.taskRole(this, "TaskRole", naming.name(service.name()),
                service.name() + ": what the running service may call in AWS, nothing more");
        TaskPermissions.grant(taskRole, service, f);
        taskDefinition = TaskDefinitions.create(this, naming.name(service.name()), tasks.cpu(), tasks.memoryMiB(), taskRole);

        ServiceConfiguration config = new ServiceConfiguration(this, service, f);
        TaskDefinitions.container(taskDefinition, service.name(), repository,
                f.parameters().releaseImageTag.getValueAsString(), logs, config.environment, config.secrets,
                ContainerDefinitionOptions.builder()
                        .portMappings(List.of(PortMapping.builder().containerPort(service.port()).name(PORT_NAME)
                                .appProtocol(AppProtocol.getHttp()).build()))
                        .healthCheck(HealthCheck.builder()
                                .command(List.of("CMD-SHELL", "curl -fsS -o /dev/null http://127.0.0.1:" + service.port()
                                        + READINESS_PATH + " || exit 1"))
                                .interval(Duration.seconds(15)).timeout(Duration.seconds(5)).retries(3)
                                .startPeriod(Duration.seconds(90)).build())
                        .stopTimeout(STOP_TIMEOUT));

        securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup").vpc(f.network().vpc)
                .securityGroupName(naming.name(service.name()))
                .description(service.name() + " tasks").allowAllOutbound(false).build();
        // AWS APIs (through the endpoints) and the identity provider's signing keys (through NAT).
        securityGroup.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS: AWS APIs and the OIDC issuer");
        ecsService = FargateService.Builder.create(this, "Service")
                .serviceName(naming.name(service.name()))
                .cluster(f.cluster()).taskDefinition(taskDefinition)
                .desiredCount(f.parameters().tasksPerService.getValueAsNumber())
                .minHealthyPercent(100).maxHealthyPercent(200)
                .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                .securityGroups(List.of(securityGroup)).vpcSubnets(Network.APPS).assignPublicIp(false)
                .platformVersion(FargatePlatformVersion.LATEST)
                .enableExecuteCommand(false)
                .propagateTags(PropagatedTagSource.SERVICE).enableEcsManagedTags(true)
                .serviceConnectConfiguration(serviceConnect(service, f, logs))
                .healthCheckGracePeriod(service.scaling() == TrellisService.ScalingSignal.ALB_REQUESTS
                        ? Duration.seconds(120) : null)
                .build();
        if (service.ownsSchema()) {
            ecsService.getConnections().allowTo(f.database().cluster, Port.tcp(Database.PORT), service.name());
            new MigrationTask(this, "Migration", service, f, repository, logs);
        }
        ServiceScaling.apply(this, f);
    }

    /** Backends are reached by name ({@code http://case-service:8081}); the gateway only calls out. */
    private static ServiceConnectProps serviceConnect(TrellisService service, Foundation f, LogGroup logs) {
        ServiceConnectProps.Builder props = ServiceConnectProps.builder()
                .namespace(f.cluster().getDefaultCloudMapNamespace().getNamespaceArn())
                .logDriver(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(logs)
                        .streamPrefix("service-connect").build()));
        if (!service.name().equals(ServiceCatalog.GATEWAY)) {
            props.services(List.of(ServiceConnectService.builder().portMappingName(PORT_NAME)
                    .dnsName(service.name()).port(service.port()).build()));
        }
        return props.build();
    }

    /** Environment and secrets of the service's container, as its application.properties reads them. */
    static final class ServiceConfiguration {
        final Map<String, String> environment = new LinkedHashMap<>();
        final Map<String, Secret> secrets = new LinkedHashMap<>();

        ServiceConfiguration(Construct scope, TrellisService service, Foundation f) {
            environment.put("TRELLIS_OIDC_URL", f.parameters().oidcIssuerUrl.getValueAsString());
            environment.put("QUARKUS_OIDC_TOKEN_AUDIENCE", f.parameters().oidcAudiences.getValueAsString());
            environment.put("QUARKUS_SHUTDOWN_TIMEOUT", "20S");
            // Forwarded headers are believed only from inside the VPC: the ALB in front of the gateway, the gateway
            // in front of the services. Anything else that sets them is ignored.
            environment.put("TRELLIS_TRUSTED_PROXIES", f.network().vpc.getVpcCidrBlock());
            if (service.name().equals(ServiceCatalog.GATEWAY)) {
                environment.put("TRELLIS_CORS_ORIGINS", f.parameters().corsOrigins.getValueAsString());
                for (TrellisService backend : ServiceCatalog.backends()) {
                    environment.put("TRELLIS_" + backend.stem().toUpperCase() + "_URL",
                            "http://" + backend.name() + ":" + backend.port());
                }
            }
            if (service.ownsSchema()) {
                DatabaseUsers users = f.database().users.get(service);
                environment.put("TRELLIS_DB_URL", f.database().jdbcUrl(service));
                secrets.put("TRELLIS_DB_USER", Secret.fromSecretsManager(users.runtime, "username"));
                secrets.put("TRELLIS_DB_PASSWORD", Secret.fromSecretsManager(users.runtime, "password"));
                environment.put("TRELLIS_MESSAGING_QUEUE_PREFIX", f.naming().queuePrefix());
                environment.put("TRELLIS_CRYPTO_KEY_ENCRYPTION", "kms");
                environment.put("TRELLIS_CRYPTO_KMS_KEY_ARN", f.keys().fieldEncryption.getKeyArn());
                secrets.put("TRELLIS_FIELD_KEYS", Secret.fromSecretsManager(FieldKeyRing.create(scope, service, f)));
            }
            if (service.name().equals(FeedPseudonymKey.SERVICE)) {
                secrets.put("TRELLIS_FEED_PSEUDONYM_KEY", Secret.fromSecretsManager(FeedPseudonymKey.create(scope, f)));
            }
            if (service.storesDocuments()) {
                environment.put("TRELLIS_DOCUMENTS_BUCKET", f.documents().documents.getBucketName());
                environment.put("TRELLIS_DOCUMENTS_SSE", "aws:kms");
                environment.put("TRELLIS_DOCUMENTS_KMS_KEY_ID", f.keys().documents.getKeyArn());
                // Fail closed: until a clamd service answers at this name, new versions stay pending-scan and
                // are never served (the local default, always-clean, must not reach AWS).
                environment.put("TRELLIS_SCANNER", "clamd");
                environment.put("TRELLIS_CLAMD_HOST", "clamd");
            }
        }
    }
}
