using PolicyGate.Checks.EventBridge;
using static PolicyGate.Tests.EventBridge.RuleKit;

namespace PolicyGate.Tests.EventBridge;

/// <summary>Rules on whole event rules (pattern, targets, state, bus, Region): each fires on a broken rule and not on a sound one.</summary>
public class EventRuleLintTests
{
    // The policy monitor of the IAM monitoring template (seed 001), as the template extractor resolves it.
    private const string PolicyMonitor = """
        Name: stack-policy-monitor
        State: ENABLED
        EventPattern:
          source: [aws.iam]
          detail-type: [AWS API Call via CloudTrail]
          detail:
            eventSource: [iam.amazonaws.com]
            eventName: [CreatePolicy, DeletePolicy, PutRolePolicy, AttachRolePolicy]
        Targets:
          - Arn: arn:aws:sns:us-east-1:111122223333:iam-monitoring-topic
            Id: iam-policy-monitor
            InputTransformer:
              InputPathsMap:
                eventName: $.detail.eventName
                policyName: $.detail.requestParameters.policyName
                policyArn: $.detail.requestParameters.policyArn
                eventTime: $.detail.eventTime
                userIdentity: $.detail.userIdentity.arn
                sourceIPAddress: $.detail.sourceIPAddress
              InputTemplate: "\"API Call '<eventName>' was issued on policy '<policyName><policyArn>'. This occurred at '<eventTime>' and was initiated by '<userIdentity>' from IP '<sourceIPAddress>'.\"\n"
        """;

    [Fact]
    public void The_seed_policy_monitor_is_clean_when_deployed_in_us_east_1()
    {
        var subject = EventRule(PolicyMonitor, region: "us-east-1");
        foreach (var rule in EventBridgeRules.All)
        {
            if (rule is PolicyGate.Checks.IRule<PolicyGate.Extraction.EventRuleSubject>)
            {
                Run(rule, subject).ShouldBeEmpty($"{rule.Descriptor.Id} should not fire on the seed rule");
            }
        }
    }

    [Fact]
    public void GlobalServiceRuleRegion_warns_when_the_region_is_unknown_or_elsewhere()
    {
        Run(new GlobalServiceRuleRegionRule(), EventRule(PolicyMonitor)).ShouldHaveSingleItem().Message
            .ShouldBe("CloudTrail events of \"aws.iam\" reach EventBridge only in us-east-1; the template's Region is not known, so the rule fires only if the stack is deployed there. Deploy the rule in us-east-1, or forward the events from us-east-1 to this Region's event bus");
        Run(new GlobalServiceRuleRegionRule(), EventRule(PolicyMonitor, "eu-west-1")).ShouldHaveSingleItem().Message.ShouldContain("deployed in eu-west-1, where the rule never fires");
        Run(new GlobalServiceRuleRegionRule(), EventRule(PolicyMonitor, "cn-northwest-1")).ShouldHaveSingleItem().Message.ShouldContain("only in cn-north-1");
        Run(new GlobalServiceRuleRegionRule(), EventRule(PolicyMonitor, "us-east-1")).ShouldBeEmpty();
        Run(new GlobalServiceRuleRegionRule(), EventRule("EventPattern: { source: [aws.access-analyzer] }", "eu-west-1")).ShouldBeEmpty();
    }

    [Fact]
    public void InputTemplatePlaceholderUndefined_points_at_the_placeholder()
    {
        var finding = Run(new InputTemplatePlaceholderUndefinedRule(), EventRule("""
            EventPattern: { source: [aws.iam] }
            Targets:
              - Id: t1
                Arn: arn:aws:sns:us-east-1:111122223333:topic
                InputTransformer:
                  InputPathsMap: { eventName: $.detail.eventName }
                  InputTemplate: '"<eventName> by <user> at <aws.events.event.ingestion-time>"'
            """)).ShouldHaveSingleItem();
        finding.Message.ShouldBe("<user> in the InputTemplate of target \"t1\" is not defined (InputPathsMap defines eventName, and it is not a predefined aws.events variable)");
        finding.Location.Span.StartLine.ShouldBe(7);
        finding.Location.Span.StartColumn.ShouldBe(39);
        finding.Location.Span.EndColumn.ShouldBe(45);
        Run(new InputTemplatePlaceholderUndefinedRule(), EventRule(PolicyMonitor)).ShouldBeEmpty();
    }

    [Fact]
    public void InvalidInputTransformer_checks_paths_keys_and_template_presence()
    {
        var findings = Run(new InvalidInputTransformerRule(), EventRule("""
            EventPattern: { source: [aws.iam] }
            Targets:
              - Id: t1
                Arn: arn:aws:sns:us-east-1:111122223333:topic
                InputPath: detail
              - Id: t2
                Arn: arn:aws:sns:us-east-1:111122223333:topic
                InputTransformer:
                  InputPathsMap:
                    event.name: $.detail.eventName
                    user: "$['detail']['userIdentity']"
                    bad: "$.detail..x"
            """));
        findings.Select(f => f.Message).ShouldBe(
        [
            "InputPath \"detail\" of target \"t1\" must start with \"$\" (for example \"$.detail.eventName\")",
            "the InputTransformer of target \"t2\" has no InputTemplate, which EventBridge requires",
            "InputPathsMap key \"event.name\" of target \"t2\" may contain only letters, digits, '_' and '-' (1 to 256 characters)",
            "the path \"$['detail']['userIdentity']\" for \"user\" of target \"t2\" uses bracket notation; EventBridge accepts JSON dot notation only (\"$.detail.x\")",
            "the path \"$.detail..x\" for \"bad\" of target \"t2\" is not a JSON path in dot notation (\"$\" followed by \".field\" steps, none empty)",
        ], ignoreOrder: true);
        Run(new InvalidInputTransformerRule(), EventRule(PolicyMonitor)).ShouldBeEmpty();
    }

    [Fact]
    public void UnusedInputPath_notes_entries_the_template_never_uses()
    {
        Run(new UnusedInputPathRule(), EventRule("""
            EventPattern: { source: [aws.iam] }
            Targets:
              - Id: t1
                Arn: arn:aws:sns:us-east-1:111122223333:topic
                InputTransformer:
                  InputPathsMap: { eventName: $.detail.eventName, region: $.region }
                  InputTemplate: '"<eventName>"'
            """)).ShouldHaveSingleItem().Message.ShouldBe("\"region\" in the InputPathsMap of target \"t1\" is never used: the InputTemplate has no <region>");
        Run(new UnusedInputPathRule(), EventRule(PolicyMonitor)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""'{"user": "<user>" "event": <event>}'""", "is not valid JSON once its placeholders are filled in")]
    [InlineData("""'{"<user>": 1, "event": <event>}'""", "the placeholder <user> is used as an object key")]
    public void InvalidInputTemplate_checks_object_templates(string template, string expected)
    {
        Run(new InvalidInputTemplateRule(), EventRule($$"""
            EventPattern: { source: [aws.iam] }
            Targets:
              - Id: t1
                Arn: arn:aws:sns:us-east-1:111122223333:topic
                InputTransformer:
                  InputPathsMap: { user: $.detail.userIdentity.arn, event: $.detail }
                  InputTemplate: {{template}}
            """)).ShouldHaveSingleItem().Message.ShouldContain(expected);
    }

    [Fact]
    public void InvalidInputTemplate_accepts_valid_object_and_text_templates()
    {
        Run(new InvalidInputTemplateRule(), EventRule("""
            EventPattern: { source: [aws.iam] }
            Targets:
              - Id: t1
                Arn: arn:aws:sns:us-east-1:111122223333:topic
                InputTransformer:
                  InputPathsMap: { user: $.detail.userIdentity.arn, event: $.detail }
                  InputTemplate: '{"user": "<user>", "event": <event>, "rule": "<aws.events.rule-name>"}'
            """)).ShouldBeEmpty();
        Run(new InvalidInputTemplateRule(), EventRule(PolicyMonitor)).ShouldBeEmpty();
    }

    [Fact]
    public void InvalidRuleTarget_checks_count_ids_arns_and_input_choices()
    {
        var six = string.Join("\n", Enumerable.Range(1, 6).Select(i => $"  - {{ Id: t{i}, Arn: arn:aws:sns:us-east-1:111122223333:t{i} }}"));
        Run(new InvalidRuleTargetRule(), EventRule("EventPattern: { source: [aws.iam] }\nTargets:\n" + six)).ShouldHaveSingleItem().Message.ShouldBe("the rule has 6 targets; EventBridge allows at most 5 per rule");

        var findings = Run(new InvalidRuleTargetRule(), EventRule("""
            EventPattern: { source: [aws.iam] }
            Targets:
              - Id: notify topic
                Arn: arn:aws:sns:us-east-1:111122223333:topic
                Input: '{"a": 1'
                InputPath: $.detail
              - Id: twice
                Arn: arn:aws:sns:us-east-1:111122223333:topic
              - Id: twice
              - Arn: arn:aws:sns:us-east-1:111122223333:topic
            """));
        findings.Select(f => f.Message).ShouldBe(
        [
            "target Id \"notify topic\" must be 1 to 64 letters, digits, '.', '-' or '_'",
            "target \"notify topic\" sets Input and InputPath; a target may use only one of them",
            "the Input of target \"notify topic\" must be valid JSON text, but unexpected end of file: ',' or '}' was expected",
            "target Id \"twice\" is used twice in this rule (first at line 7)",
            "target \"twice\" has no Arn",
            "target 4 has no Id",
        ], ignoreOrder: true);
        Run(new InvalidRuleTargetRule(), EventRule(PolicyMonitor)).ShouldBeEmpty();
    }

    [Fact]
    public void InvalidRuleState_checks_the_state_and_that_the_rule_can_fire()
    {
        Run(new InvalidRuleStateRule(), EventRule("State: enabled\nEventPattern: { source: [aws.iam] }")).ShouldHaveSingleItem().Message.ShouldBe("State \"enabled\" must be written \"ENABLED\" (states are upper case)");
        Run(new InvalidRuleStateRule(), EventRule("State: PAUSED\nEventPattern: { source: [aws.iam] }")).ShouldHaveSingleItem().Message.ShouldStartWith("State \"PAUSED\" is not one of");
        Run(new InvalidRuleStateRule(), EventRule("State: ENABLED\nDescription: nothing")).ShouldHaveSingleItem().Message.ShouldContain("neither an EventPattern nor a ScheduleExpression");
        Run(new InvalidRuleStateRule(), EventRule("State: DISABLED\nScheduleExpression: rate(1 hour)")).ShouldBeEmpty();
    }

    [Fact]
    public void EnabledRuleWithoutTargets_notes_enabled_rules_only()
    {
        Run(new EnabledRuleWithoutTargetsRule(), EventRule("EventPattern: { source: [aws.access-analyzer] }")).ShouldHaveSingleItem();
        Run(new EnabledRuleWithoutTargetsRule(), EventRule("State: DISABLED\nEventPattern: { source: [aws.access-analyzer] }")).ShouldBeEmpty();
        Run(new EnabledRuleWithoutTargetsRule(), EventRule("Pattern: { source: [aws.access-analyzer] }")).ShouldBeEmpty();
        Run(new EnabledRuleWithoutTargetsRule(), EventRule(PolicyMonitor)).ShouldBeEmpty();
    }

    [Fact]
    public void AwsEventsOnCustomBus_warns_for_aws_sources_on_a_custom_bus()
    {
        Run(new AwsEventsOnCustomBusRule(), EventRule("EventBusName: security-bus\nEventPattern: { source: [aws.access-analyzer] }")).ShouldHaveSingleItem().Message
            .ShouldBe("the rule listens on the custom bus \"security-bus\" for aws.access-analyzer events, which AWS sends only to the default bus; forward them from the default bus or move the rule there");
        Run(new AwsEventsOnCustomBusRule(), EventRule("EventBusName: default\nEventPattern: { source: [aws.access-analyzer] }")).ShouldBeEmpty();
        Run(new AwsEventsOnCustomBusRule(), EventRule("EventBusName: orders\nEventPattern: { source: [my.orders] }")).ShouldBeEmpty();
    }

    [Fact]
    public void ReadOnlyEventsNotDelivered_warns_unless_the_rule_receives_all_management_events()
    {
        const string pattern = """
            EventPattern:
              detail-type: [AWS API Call via CloudTrail]
              detail: { eventName: [GetSecretValue, PutSecretValue, { prefix: List }, GetSessionToken] }
            """;
        var findings = Run(new ReadOnlyEventsNotDeliveredRule(), EventRule("State: ENABLED\n" + pattern));
        findings.Select(f => f.Message).ShouldBe(
        [
            "\"GetSecretValue\" names read-only API calls, which EventBridge delivers only to rules in state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS; this rule is ENABLED, so they never match",
            "{\"prefix\":\"List\"} names read-only API calls, which EventBridge delivers only to rules in state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS; this rule is ENABLED, so they never match",
        ]);
        Run(new ReadOnlyEventsNotDeliveredRule(), EventRule("State: ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS\n" + pattern)).ShouldBeEmpty();
    }

    [Fact]
    public void Identity_center_transformer_paths_are_flagged_for_identity_center_rules()
    {
        const string targets = """
            Targets:
              - Id: t1
                Arn: arn:aws:sns:us-east-1:111122223333:topic
                InputTransformer:
                  InputPathsMap: { user: $.detail.userIdentity.userName, event: $.detail.eventName }
                  InputTemplate: '"<user> did <event>"'
            """;
        Run(new IdentityCenterChangedFieldsRule(), EventRule("EventPattern: { source: [aws.sso] }\n" + targets)).ShouldHaveSingleItem().Message
            .ShouldContain("use $.detail.userIdentity.onBehalfOf.userId, $.detail.userIdentity.onBehalfOf.identityStoreArn, $.detail.additionalEventData.UserName instead");
        Run(new IdentityCenterChangedFieldsRule(), EventRule("EventPattern: { source: [aws.iam] }\n" + targets)).ShouldBeEmpty();
    }

    [Fact]
    public void An_event_pattern_given_as_a_json_string_is_checked_like_an_object()
    {
        var subject = EventRule("""
            EventPattern: '{"source":["aws.iam"],"detail-type":["AWS API Call via CloudTrail"]}'
            Targets: [ { Id: t1, Arn: "arn:aws:sns:us-east-1:111122223333:t" } ]
            """, "eu-central-1");
        Run(new GlobalServiceRuleRegionRule(), subject).ShouldHaveSingleItem();
    }
}
