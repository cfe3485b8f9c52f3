package app.trellis.deploy.aws.stack;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/** AWS WAF on the load balancer: AWS's managed rule groups, and a per-address rate limit. */
final class WebFirewall extends Construct {

    static final List<String> MANAGED_RULE_GROUPS = List.of("AWSManagedRulesCommonRuleSet",
            "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesSQLiRuleSet");
    /** Requests per address in any five minutes before WAF blocks it. */
    static final int RATE_LIMIT = 2000;

    WebFirewall(Construct scope, String id, Naming naming, ApplicationLoadBalancer loadBalancer) {
        super(scope, id);
        List<Object> rules = new ArrayList<>();
        int priority = 0;
        for (String group : MANAGED_RULE_GROUPS) {
            rules.add(CfnWebACL.RuleProperty.builder().name(group).priority(priority++)
                    .statement(CfnWebACL.StatementProperty.builder()
                            .managedRuleGroupStatement(CfnWebACL.ManagedRuleGroupStatementProperty.builder()
                                    .vendorName("AWS").name(group).build()).build())
                    .overrideAction(CfnWebACL.OverrideActionProperty.builder().none(java.util.Map.of()).build())
                    .visibilityConfig(visibility(naming.name(group))).build());
        }
        rules.add(CfnWebACL.RuleProperty.builder().name("rate-limit").priority(priority)
                .statement(CfnWebACL.StatementProperty.builder()
                        .rateBasedStatement(CfnWebACL.RateBasedStatementProperty.builder()
                                .limit(RATE_LIMIT).aggregateKeyType("IP").build()).build())
                .action(CfnWebACL.RuleActionProperty.builder().block(CfnWebACL.BlockActionProperty.builder().build()).build())
                .visibilityConfig(visibility(naming.name("rate-limit"))).build());
        CfnWebACL acl = CfnWebACL.Builder.create(this, "Acl").name(naming.name("web-acl")).scope("REGIONAL")
                .defaultAction(CfnWebACL.DefaultActionProperty.builder().allow(CfnWebACL.AllowActionProperty.builder().build()).build())
                .visibilityConfig(visibility(naming.name("web-acl")))
                .rules(rules).build();
        CfnWebACLAssociation.Builder.create(this, "Association")
                .resourceArn(loadBalancer.getLoadBalancerArn()).webAclArn(acl.getAttrArn()).build();
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String metric) {
        return CfnWebACL.VisibilityConfigProperty.builder().metricName(metric)
                .cloudWatchMetricsEnabled(true).sampledRequestsEnabled(true).build();
    }
}
