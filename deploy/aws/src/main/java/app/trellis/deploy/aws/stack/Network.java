package app.trellis.deploy.aws.stack;

import java.util.List;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Validations;
import java.util.Map;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IInterfaceVpcEndpointService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpoint;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The environment's own VPC over its availability zones: public subnets hold only the load balancer and the NAT
 * gateways; tasks run in private subnets (egress through NAT, for the identity provider's keys); the database
 * sits in isolated subnets with no route out. AWS APIs are reached through VPC endpoints, never the internet.
 */
public final class Network extends Construct {

    static final SubnetSelection PUBLIC = SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build();
    static final SubnetSelection APPS = SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build();
    static final SubnetSelection DATA = SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build();

    final Vpc vpc;
    final InterfaceVpcEndpoint secretsManager;
    private final SecurityGroup endpoints;

    Network(Construct scope, String id, Naming naming, Keys keys) {
        super(scope, id);
        var env = naming.env();
        LogGroup flowLogs = Logs.group(this, "FlowLogs", naming, naming.logGroup("vpc-flow-logs"), keys);
        vpc = Vpc.Builder.create(this, "Vpc")
                .vpcName(naming.name("vpc"))
                .ipAddresses(IpAddresses.cidr(env.vpcCidr()))
                .availabilityZones(env.availabilityZones())
                .natGateways(env.natGateways())
                .subnetConfiguration(List.of(
                        subnet("public", SubnetType.PUBLIC, 24),
                        subnet("apps", SubnetType.PRIVATE_WITH_EGRESS, 20),
                        subnet("data", SubnetType.PRIVATE_ISOLATED, 24)))
                // The default group is left as AWS makes it: restricting it takes a Lambda-backed custom resource,
                // which plain CloudFormation cannot deploy without CDK assets. Nothing here uses the default group.
                .restrictDefaultSecurityGroup(false)
                .gatewayEndpoints(Map.of("S3", GatewayVpcEndpointOptions.builder()
                        .service(GatewayVpcEndpointAwsService.S3).build()))
                .flowLogs(Map.of("All", FlowLogOptions.builder()
                        .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                        .trafficType(FlowLogTrafficType.ALL).build()))
                .build();
        // The zones are named, not looked up, so that a template is made without an AWS account and production
        // gets three (an account-agnostic lookup yields two).
        Validations.of(vpc).acknowledge(Acknowledgment.builder().id("CloudFormation-Validate::W3010")
                .reason("availability zones are the environment's settings, on purpose").build());
        // Endpoints only answer: 443 in from the VPC, nothing out.
        endpoints = SecurityGroup.Builder.create(this, "Endpoints").vpc(vpc).securityGroupName(naming.name("endpoints"))
                .description("VPC interface endpoints: HTTPS from inside the VPC").allowAllOutbound(false).build();
        endpoints.addIngressRule(Peer.ipv4(vpc.getVpcCidrBlock()), Port.tcp(443), "HTTPS from the VPC");
        interfaceEndpoint("Sqs", InterfaceVpcEndpointAwsService.SQS);
        interfaceEndpoint("EcrApi", InterfaceVpcEndpointAwsService.ECR);
        interfaceEndpoint("EcrDocker", InterfaceVpcEndpointAwsService.ECR_DOCKER);
        interfaceEndpoint("Logs", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS);
        interfaceEndpoint("Kms", InterfaceVpcEndpointAwsService.KMS);
        secretsManager = interfaceEndpoint("SecretsManager", InterfaceVpcEndpointAwsService.SECRETS_MANAGER);
    }

    private static SubnetConfiguration subnet(String name, SubnetType type, int mask) {
        return SubnetConfiguration.builder().name(name).subnetType(type).cidrMask(mask).build();
    }

    /** Reachable on 443 from inside the VPC only; private DNS makes the SDKs' default endpoints resolve here. */
    private InterfaceVpcEndpoint interfaceEndpoint(String id, IInterfaceVpcEndpointService service) {
        return vpc.addInterfaceEndpoint(id, InterfaceVpcEndpointOptions.builder()
                .service(service).subnets(APPS).privateDnsEnabled(true)
                .securityGroups(List.of(endpoints)).open(false).build());
    }
}
