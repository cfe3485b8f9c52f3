package app.trellis.deploy.aws.stack;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.constructs.Construct;

/**
 * The only public entry: an internet-facing ALB that listens on 443 alone (no plain-HTTP listener to redirect
 * from), with the certificate the operator passes, forwarding to the gateway. Its access logs go to the
 * access-log bucket; with WAF on, AWS's managed rules and a rate limit sit in front.
 */
public final class Edge extends Construct {

    static final int HTTPS = 443;

    final ApplicationLoadBalancer loadBalancer;
    final SecurityGroup securityGroup;
    final ApplicationListener listener;
    final ApplicationTargetGroup gatewayTargets;

    Edge(Construct scope, String id, Naming naming, Network network, DocumentStore store, DeployParameters parameters,
         int gatewayPort) {
        super(scope, id);
        securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup").vpc(network.vpc)
                .securityGroupName(naming.name("alb")).description("Public load balancer: HTTPS in, gateway out")
                .allowAllOutbound(false).build();
        securityGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(HTTPS), "HTTPS from anywhere");
        loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
                .loadBalancerName(naming.name("alb"))
                .vpc(network.vpc).vpcSubnets(Network.PUBLIC).internetFacing(true)
                .securityGroup(securityGroup)
                .dropInvalidHeaderFields(true)
                .deletionProtection(naming.env().database().deletionProtection())
                .build();
        loadBalancer.logAccessLogs(store.accessLogs, "alb");
        gatewayTargets = ApplicationTargetGroup.Builder.create(this, "Gateway")
                .targetGroupName(naming.name("gateway"))
                .vpc(network.vpc).targetType(TargetType.IP)
                .protocol(ApplicationProtocol.HTTP).port(gatewayPort)
                .deregistrationDelay(Duration.seconds(30))
                .healthCheck(HealthCheck.builder().path(ServiceDeployment.READINESS_PATH).healthyHttpCodes("200")
                        .interval(Duration.seconds(15)).timeout(Duration.seconds(5))
                        .healthyThresholdCount(2).unhealthyThresholdCount(3).build())
                .build();
        listener = loadBalancer.addListener("Https", BaseApplicationListenerProps.builder()
                .protocol(ApplicationProtocol.HTTPS).port(HTTPS).open(false)
                .certificates(List.of(ListenerCertificate.fromArn(parameters.certificateArn.getValueAsString())))
                .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                .defaultAction(ListenerAction.forward(List.of(gatewayTargets)))
                .build());
        if (naming.env().waf()) {
            new WebFirewall(this, "Waf", naming, loadBalancer);
        }
    }
}
