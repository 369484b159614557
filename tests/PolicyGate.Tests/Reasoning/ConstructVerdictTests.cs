using PolicyGate.AccessAnalyzer;
using PolicyGate.Reasoning.Evaluation;
using PolicyGate.Reasoning.Policies;
using static PolicyGate.Tests.Reasoning.ReasoningKit;

namespace PolicyGate.Tests.Reasoning;

/// <summary>
/// One test per construct of iam-reasoning.md section 1.6 (and the documented examples of 1.5), each pinning
/// the verdict the document gives. Every FAIL's counterexample is re-evaluated: the new policy allows it, the
/// existing one does not.
/// </summary>
public class ConstructVerdictTests
{
    private static string Allow(string condition = "", string action = "s3:GetObject", string resource = "*") =>
        Policy($$"""{"Effect":"Allow","Action":"{{action}}","Resource":"{{resource}}"{{(condition.Length > 0 ? $",\"Condition\":{condition}" : string.Empty)}}}""");

    private static AccessRequest FailsWithCounterexample(string newPolicy, string existing, CheckPolicyType type = CheckPolicyType.Identity)
    {
        var result = NoNewAccess(newPolicy, existing, type);
        result.ShouldFailWithCounterexample();
        var c = result.Counterexample!;
        var request = AccessRequest.Of(c.Principal, c.Action, c.Resource, c.Context);
        var principals = type == CheckPolicyType.Resource;
        PolicyEvaluator.Evaluate(Read(newPolicy, PolicyReading.Broadest, principals), request).Allowed.ShouldBeTrue($"the new policy must allow {request}");
        PolicyEvaluator.Evaluate(Read(existing, PolicyReading.Narrowest, principals), request).Allowed.ShouldBeFalse($"the existing policy must not allow {request}");
        return request;
    }

    // Row "Unknown / unlisted condition key": every key is a free variable, typos included; no catalog restriction.
    [Fact]
    public void Unknown_condition_key_is_a_free_variable()
    {
        var typo = Allow("""{"StringEquals":{"aws:SourceVpcc":"vpc-1"}}""");
        var service = Allow("""{"StringEquals":{"s3:ExistingObjectTag/none":"x"}}""");
        NoNewAccess(typo, Allow()).ShouldPass();
        NoNewAccess(service, Allow()).ShouldPass();
        var request = FailsWithCounterexample(Allow(), typo);
        request.ValuesOf("aws:SourceVpcc").ShouldNotBe(["vpc-1"]);
        FailsWithCounterexample(Allow(action: "s3:PutObject", condition: """{"StringEquals":{"aws:SourceVpcc":"vpc-1"}}"""),
            Allow(action: "s3:PutObject", condition: """{"StringEquals":{"aws:SourceVpc":"vpc-1"}}"""));
    }

    // Row "Missing keys / negated operators": Op = exists and match; NotOp = absent or no match; OpIfExists = absent or match; Null:true = absent.
    [Fact]
    public void Missing_keys_and_negated_operators()
    {
        var notEquals = Allow("""{"StringNotEquals":{"aws:SourceVpc":"vpc-1"}}""");
        var equals = Allow("""{"StringEquals":{"aws:SourceVpc":"vpc-2"}}""");
        FailsWithCounterexample(notEquals, equals).ValuesOf("aws:SourceVpc").ShouldNotBe(["vpc-2"]);

        // A negated operator is already true on a missing key: its IfExists twin is the same test.
        NoNewAccess(notEquals, Allow("""{"StringNotEqualsIfExists":{"aws:SourceVpc":"vpc-1"}}""")).ShouldPass();
        NoNewAccess(Allow("""{"StringNotEqualsIfExists":{"aws:SourceVpc":"vpc-1"}}"""), notEquals).ShouldPass();

        // StringNotLike "*" holds exactly when the key is absent, which is Null:true.
        var absent = Allow("""{"Null":{"aws:SourceVpc":"true"}}""");
        var notLikeAnything = Allow("""{"StringNotLike":{"aws:SourceVpc":"*"}}""");
        NoNewAccess(absent, notLikeAnything).ShouldPass();
        NoNewAccess(notLikeAnything, absent).ShouldPass();

        // IfExists admits the request without the key; the plain operator does not.
        var ifExists = Allow("""{"StringEqualsIfExists":{"aws:SourceVpc":"vpc-1"}}""");
        FailsWithCounterexample(ifExists, Allow("""{"StringEquals":{"aws:SourceVpc":"vpc-1"}}""")).ValuesOf("aws:SourceVpc").ShouldBeNull();
        NoNewAccess(Allow("""{"StringEquals":{"aws:SourceVpc":"vpc-1"}}"""), ifExists).ShouldPass();

        // A negated operator's request is one without the key or with another value; never one that needs the key.
        FailsWithCounterexample(Allow("""{"Null":{"aws:SourceVpc":"true"}}"""), equals).ValuesOf("aws:SourceVpc").ShouldBeNull();
    }

    // Row "Multiple values / keys / operators": operators AND, keys AND, values of one key OR, negated values NOR.
    [Fact]
    public void Multiple_values_keys_and_operators()
    {
        var either = Allow("""{"StringEquals":{"aws:SourceVpc":["vpc-1","vpc-2"]}}""");
        var one = Allow("""{"StringEquals":{"aws:SourceVpc":"vpc-1"}}""");
        FailsWithCounterexample(either, one).ValuesOf("aws:SourceVpc").ShouldBe(["vpc-2"]);
        NoNewAccess(one, either).ShouldPass();

        var neither = Allow("""{"StringNotEquals":{"aws:SourceVpc":["vpc-1","vpc-2"]}}""");
        var notOne = Allow("""{"StringNotEquals":{"aws:SourceVpc":"vpc-1"}}""");
        NoNewAccess(neither, notOne).ShouldPass();
        FailsWithCounterexample(notOne, neither).ValuesOf("aws:SourceVpc").ShouldBe(["vpc-2"]);

        var bothKeys = Allow("""{"StringEquals":{"aws:SourceVpc":"vpc-1","aws:PrincipalTag/team":"red"}}""");
        var bothOperators = Allow("""{"StringEquals":{"aws:SourceVpc":"vpc-1"},"Bool":{"aws:SecureTransport":"true"}}""");
        NoNewAccess(bothKeys, one).ShouldPass();
        NoNewAccess(bothOperators, one).ShouldPass();
        FailsWithCounterexample(one, bothKeys);
        FailsWithCounterexample(one, bothOperators).ValuesOf("aws:SecureTransport").ShouldNotBe(["true"]);
    }

    // Row "Multi-valued keys": ForAllValues is vacuously true on a missing key, ForAnyValue false; an unqualified
    // operator on a multi-valued key is read both ways on the new side and strictly on the reference side.
    [Fact]
    public void Multi_valued_keys_ForAllValues_and_ForAnyValue()
    {
        var all = Allow("""{"ForAllValues:StringEquals":{"aws:TagKeys":["env","team"]}}""");
        var any = Allow("""{"ForAnyValue:StringEquals":{"aws:TagKeys":["env","team"]}}""");
        FailsWithCounterexample(all, any).ValuesOf("aws:TagKeys").ShouldBeNull();
        var several = FailsWithCounterexample(any, all).ValuesOf("aws:TagKeys");
        several.ShouldNotBeNull();
        several.Count.ShouldBeGreaterThan(1);
        NoNewAccess(all, all).ShouldPass();
        NoNewAccess(any, any).ShouldPass();

        var unqualified = Allow("""{"StringEquals":{"aws:TagKeys":"env"}}""");
        FailsWithCounterexample(unqualified, unqualified).ValuesOf("aws:TagKeys")!.Count.ShouldBeGreaterThan(1);
    }

    // Row "NotAction / NotResource": the complement of the listed patterns; actions ignore case, resources do not.
    [Fact]
    public void NotAction_and_NotResource()
    {
        var notIam = Policy("""{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}""");
        var allButIam = Policy("""{"Effect":"Allow","Action":"*","Resource":"*"}""", """{"Effect":"Deny","Action":"IAM:*","Resource":"*"}""");
        NoNewAccess(notIam, allButIam).ShouldPass();
        NoNewAccess(allButIam, notIam).ShouldPass();
        FailsWithCounterexample(Policy("""{"Effect":"Allow","Action":"*","Resource":"*"}"""), notIam).Action.ShouldStartWith("iam:", Case.Insensitive);

        var notSecret = Policy("""{"Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::secret/*"}""");
        NoNewAccess(notSecret, Allow(action: "s3:*")).ShouldPass();
        FailsWithCounterexample(Allow(action: "s3:*"), notSecret).Resource.ShouldStartWith("arn:aws:s3:::secret/");

        NoNewAccess(Allow(action: "S3:GETOBJECT"), Allow(action: "s3:getobject")).ShouldPass();
        FailsWithCounterexample(Allow(resource: "arn:aws:s3:::B/*"), Allow(resource: "arn:aws:s3:::b/*")).Resource.ShouldStartWith("arn:aws:s3:::B/");
    }

    // Row "NotPrincipal": Allow+NotPrincipal grants everyone else; a listed role excludes its sessions only
    // possibly, so on the new side the session still gets in.
    [Fact]
    public void NotPrincipal()
    {
        var allowNotAdmin = Policy("""{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:role/Admin"},"Action":"s3:GetObject","Resource":"*"}""");
        NoPublicAccess(allowNotAdmin).ShouldFailWithCounterexample();

        var everyoneButAdmin = Policy(
            """{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}""",
            """{"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::111122223333:role/Admin"},"Action":"s3:GetObject","Resource":"*"}""");
        var request = FailsWithCounterexample(allowNotAdmin, everyoneButAdmin, CheckPolicyType.Resource);
        request.Principal.ShouldStartWith("AWS:arn:aws:sts::111122223333:assumed-role/Admin/");
    }

    // Row "Principal" (samples allowlist-account-principals): an account principal covers every principal of the
    // account; a role in an allow-listed account PASSes, one in another account FAILs, a service principal FAILs.
    [Fact]
    public void Principal_account_covers_its_principals()
    {
        var reference = Policy("""{"Effect":"Allow","Principal":{"AWS":["111111111111","222222222222"]},"Action":"sts:AssumeRole"}""");
        NoNewAccess(Policy("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:role/MyRole"},"Action":"sts:AssumeRole"}"""), reference, CheckPolicyType.Resource).ShouldPass();
        FailsWithCounterexample(Policy("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::333333333333:role/NotMyRole"},"Action":"sts:AssumeRole"}"""), reference, CheckPolicyType.Resource)
            .Principal.ShouldBe("AWS:arn:aws:iam::333333333333:role/NotMyRole");
        FailsWithCounterexample(Policy("""{"Effect":"Allow","Principal":{"Service":"glue.amazonaws.com"},"Action":"sts:AssumeRole"}"""), reference, CheckPolicyType.Resource)
            .Principal.ShouldBe("Service:glue.amazonaws.com");
    }

    // Row "Principal": the Principal element and the aws:PrincipalArn key stay unlinked (s3-all-actions lists each role both ways).
    [Fact]
    public void Principal_element_and_PrincipalArn_key_are_unlinked()
    {
        var byKey = Policy("""{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/MyRole"}}}""");
        var byElement = Policy("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/MyRole"},"Action":"s3:*","Resource":"*"}""");
        var request = FailsWithCounterexample(byKey, byElement, CheckPolicyType.Resource);
        request.Principal.ShouldNotBe("AWS:arn:aws:iam::111122223333:role/MyRole");
        var both = Policy("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/MyRole"},"Action":"s3:*","Resource":"*","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/MyRole"}}}""");
        NoNewAccess(both, byElement, CheckPolicyType.Resource).ShouldPass();
        NoNewAccess(both, byKey, CheckPolicyType.Resource).ShouldPass();
    }

    // Row "Deny": explicit deny overrides allow; a candidate that only adds a Deny PASSes.
    [Fact]
    public void Deny_overrides_allow()
    {
        var existing = Allow(action: "s3:*");
        var withDeny = Policy("""{"Effect":"Allow","Action":"s3:*","Resource":"*"}""", """{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}""");
        NoNewAccess(withDeny, existing).ShouldPass();
        FailsWithCounterexample(existing, withDeny).Action.ToLowerInvariant().ShouldBe("s3:deleteobject");
    }

    // Row "Wildcards": "?" matters, "*" spans ":" in Resource, ArnLike matches per colon-delimited field.
    [Fact]
    public void Wildcards()
    {
        FailsWithCounterexample(Allow(action: "s3:Put?bject"), Allow(action: "s3:PutObject")).Action.ToLowerInvariant().ShouldNotBe("s3:putobject");
        NoNewAccess(Allow(action: "s3:PutObject"), Allow(action: "s3:Put?bject")).ShouldPass();
        FailsWithCounterexample(Allow(resource: "arn:aws:s3:::b*"), Allow(resource: "arn:aws:s3:::b/*"));
        NoNewAccess(Allow(resource: "arn:aws:s3:::b/*"), Allow(resource: "arn:aws:s3:::b*")).ShouldPass();

        var arnLike = Allow("""{"ArnLike":{"aws:SourceArn":"arn:aws:iam::*:role/x"}}""");
        var stringLike = Allow("""{"StringLike":{"aws:SourceArn":"arn:aws:iam::*:role/x"}}""");
        NoNewAccess(arnLike, stringLike).ShouldPass();
        FailsWithCounterexample(stringLike, arnLike).ValuesOf("aws:SourceArn")!.Single().Count(c => c == ':').ShouldBeGreaterThan(5);
    }

    // Row "Policy variables" (launch blog): dropping aws:ResourceTag/Owner = ${aws:username} FAILs; keeping it PASSes.
    [Fact]
    public void Policy_variables()
    {
        var owned = Allow("""{"StringEquals":{"aws:ResourceTag/Owner":"${aws:username}"}}""", action: "ec2:StopInstances");
        var unowned = Allow(action: "ec2:StopInstances");
        NoNewAccess(owned, owned).ShouldPass();
        NoNewAccess(owned, unowned).ShouldPass();
        var request = FailsWithCounterexample(unowned, owned);
        (request.ValuesOf("aws:ResourceTag/Owner") is null || request.ValuesOf("aws:username") is null
            || request.ValuesOf("aws:ResourceTag/Owner")![0] != request.ValuesOf("aws:username")![0]).ShouldBeTrue();

        var home = Allow(resource: "arn:aws:s3:::b/${aws:username}/*");
        NoNewAccess(home, Allow(resource: "arn:aws:s3:::b/*")).ShouldPass();
        FailsWithCounterexample(Allow(resource: "arn:aws:s3:::b/*"), home);
    }

    // Row "Resource omitted (role trust policies)": read as Resource "*".
    [Fact]
    public void Resource_omitted_in_a_trust_policy_is_any_resource()
    {
        var omitted = Policy("""{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}""");
        var star = Policy("""{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*"}""");
        NoNewAccess(omitted, star, CheckPolicyType.Resource).ShouldPass();
        NoNewAccess(star, omitted, CheckPolicyType.Resource).ShouldPass();
        FailsWithCounterexample(omitted, Policy("""{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"arn:aws:iam::111122223333:role/R"}"""), CheckPolicyType.Resource);
    }

    // Row "IP / numeric / date / bool / binary": interval partitions, exact.
    [Fact]
    public void Ip_numeric_date_bool_and_binary_are_exact()
    {
        var narrowIp = Allow("""{"IpAddress":{"aws:SourceIp":"10.1.0.0/16"}}""");
        var wideIp = Allow("""{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}""");
        NoNewAccess(narrowIp, wideIp).ShouldPass();
        var ip = FailsWithCounterexample(wideIp, narrowIp).ValuesOf("aws:SourceIp")!.Single();
        ip.ShouldStartWith("10.");
        ip.ShouldNotStartWith("10.1.");
        var v6 = Allow("""{"IpAddress":{"aws:SourceIp":"2001:db8::/32"}}""");
        NoNewAccess(Allow("""{"IpAddress":{"aws:SourceIp":"2001:db8:1::/48"}}"""), v6).ShouldPass();
        FailsWithCounterexample(v6, Allow("""{"IpAddress":{"aws:SourceIp":"2001:db8:1::/48"}}"""));

        var below = Allow("""{"NumericLessThan":{"aws:MultiFactorAuthAge":"300"}}""");
        var upTo = Allow("""{"NumericLessThanEquals":{"aws:MultiFactorAuthAge":"300"}}""");
        NoNewAccess(below, upTo).ShouldPass();
        FailsWithCounterexample(upTo, below).ValuesOf("aws:MultiFactorAuthAge")!.Single().ShouldBe("300");

        var iso = Allow("""{"DateLessThan":{"aws:CurrentTime":"2024-01-01T00:00:00Z"}}""");
        var epoch = Allow("""{"DateLessThan":{"aws:CurrentTime":"1704067200"}}""");
        NoNewAccess(iso, epoch).ShouldPass();
        NoNewAccess(epoch, iso).ShouldPass();
        FailsWithCounterexample(Allow("""{"DateLessThan":{"aws:CurrentTime":"2024-01-02"}}"""), iso);

        NoNewAccess(Allow("""{"Bool":{"aws:SecureTransport":"TRUE"}}"""), Allow("""{"Bool":{"aws:SecureTransport":"true"}}""")).ShouldPass();
        FailsWithCounterexample(Allow("""{"Bool":{"aws:SecureTransport":"false"}}"""), Allow("""{"Bool":{"aws:SecureTransport":"true"}}"""));

        var binary = Allow("""{"BinaryEquals":{"test:Blob":"QmluYXJ5VmFsdWU="}}""");
        NoNewAccess(binary, binary).ShouldPass();
        FailsWithCounterexample(Allow("""{"BinaryEquals":{"test:Blob":"T3RoZXI="}}"""), binary).ValuesOf("test:Blob")!.Single().ShouldBe("T3RoZXI=");
    }

    // Section 1.5 (samples README): Allow */* minus Deny s3:* on a bucket; s3:ListAllMyBuckets on "*" FAILs, because
    // the checks use no catalog and may pick the bucket's ARN as the resource.
    [Fact]
    public void Over_approximation_without_a_catalog()
    {
        var reference = Policy("""{"Effect":"Allow","Action":"*","Resource":"*"}""", """{"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::my-sensitive-bucket"}""");
        var request = FailsWithCounterexample(Allow(action: "s3:ListAllMyBuckets"), reference);
        request.Resource.ShouldBe("arn:aws:s3:::my-sensitive-bucket");
    }

    // Section 1.5: wildcards are allowed in the Principal element of reference resource policies.
    [Fact]
    public void Wildcard_principal_in_a_reference_resource_policy()
    {
        var reference = Policy("""{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-123"}}}""");
        NoNewAccess(Policy("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/R"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-123"}}}"""),
            reference, CheckPolicyType.Resource).ShouldPass();
        FailsWithCounterexample(Policy("""{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"""), reference, CheckPolicyType.Resource)
            .ValuesOf("aws:PrincipalOrgID").ShouldNotBe(["o-123"]);
    }
}
