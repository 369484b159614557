using System.Collections.Immutable;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;

namespace PolicyGate.Tests.Iam;

public class PolicyModelBuilderTests
{
    private const string Policy = """
        {
          "Version": "2012-10-17",
          "Id": "p1",
          "Statement": [
            {
              "Sid": "One",
              "Effect": "Allow",
              "Principal": { "AWS": ["111122223333", "arn:aws:iam::111122223333:role/R"], "Service": "lambda.amazonaws.com" },
              "Action": ["s3:GetObject", "s3:List*"],
              "Resource": "arn:aws:s3:::b/*",
              "Condition": { "ForAnyValue:StringLikeIfExists": { "aws:TagKeys": ["a*", "b"] }, "Bool": { "aws:SecureTransport": true } }
            },
            { "Effect": "Deny", "Principal": "*", "NotAction": "s3:*", "NotResource": ["arn:aws:s3:::b"] }
          ]
        }
        """;

    [Fact]
    public void Reads_every_element_with_its_span()
    {
        var model = IamTestKit.Model(Policy, PolicyKind.Resource);
        model.IsObject.ShouldBeTrue();
        model.VersionText.ShouldBe("2012-10-17");
        model.Id!.Single!.Value.Text.ShouldBe("p1");
        model.StatementWrittenAsList.ShouldBeTrue();
        model.Problems.ShouldBeEmpty();
        model.Statements.Length.ShouldBe(2);

        var first = model.Statements[0];
        first.Index.ShouldBe(0);
        first.SidText.ShouldBe("One");
        first.IsAllow.ShouldBeTrue();
        first.Action!.Items.Select(a => a.Text).ShouldBe(["s3:GetObject", "s3:List*"]);
        first.Action.Items[1].HasWildcard.ShouldBeTrue();
        first.Action.Items[0].Value.Span.ShouldBe(new SourceSpan(9, 18, 9, 32));
        first.Action.KeySpan.ShouldBe(new SourceSpan(9, 7, 9, 15));
        first.Resource!.WrittenAsList.ShouldBeFalse();
        first.Resource.Items.Single().Arn!.Service.ShouldBe("s3");

        var principal = first.Principal!;
        principal.IsObject.ShouldBeTrue();
        principal.Entries.Select(e => e.Type).ShouldBe([PrincipalType.Aws, PrincipalType.Service]);
        principal.Items.Select(i => i.Form).ShouldBe([AwsPrincipalForm.AccountId, AwsPrincipalForm.Role, AwsPrincipalForm.Other]);
        principal.Items.First().Account.ShouldBe("111122223333");

        var block = first.Condition!.Blocks[0];
        block.Operator.Kind.ShouldBe(ConditionOperatorKind.StringLike);
        block.Operator.Qualifier.ShouldBe(SetQualifier.ForAnyValue);
        block.Operator.IfExists.ShouldBeTrue();
        block.Operator.IsLike.ShouldBeTrue();
        block.Entries.Single().Key.Text.ShouldBe("aws:TagKeys");
        block.Entries.Single().Values.Select(v => v.Text).ShouldBe(["a*", "b"]);
        first.Condition.Blocks[1].Entries.Single().Values.Single().JsonKind.ShouldBe(ScalarKind.Boolean);

        var second = model.Statements[1];
        second.Index.ShouldBe(1);
        second.IsDeny.ShouldBeTrue();
        second.Principal!.IsBareWildcard.ShouldBeTrue();
        second.Principal.IncludesEveryone.ShouldBeTrue();
        second.NotAction.ShouldNotBeNull();
        second.Action.ShouldBeNull();
        second.NotResource!.WrittenAsList.ShouldBeTrue();
    }

    [Fact]
    public void A_single_statement_object_has_index_zero()
    {
        var model = IamTestKit.Model("""{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}""");
        model.StatementWrittenAsList.ShouldBeFalse();
        model.Statements.ShouldHaveSingleItem().Index.ShouldBe(0);
        model.Version.ShouldBeNull();
        model.Statements[0].Action!.Items.Single().IsAllActions.ShouldBeTrue();
    }

    [Fact]
    public void Wrong_shapes_become_located_problems_not_exceptions()
    {
        var model = IamTestKit.Model("""{"Version": 1, "Statement": [3, {"Effect": ["Allow"], "Action": {"a": 1}, "Resource": [1, "*"], "Condition": "x"}]}""");
        model.Problems.Select(p => p.Message).ShouldBe([
            "Version must be a string, not number",
            "each statement must be an object, not number",
            "Effect must be a string, not array",
            "Action must be a string or a list of strings, not object",
            "each Resource entry must be a string, not number",
            "Condition must be an object of condition operators, not string",
        ]);
        model.Statements.ShouldHaveSingleItem().Resource!.Items.Single().Text.ShouldBe("*");
    }

    [Fact]
    public void Unknown_and_miscased_elements_are_kept_for_the_checks()
    {
        var model = IamTestKit.Model("""{"version": "2012-10-17", "Statement": [{"effect": "Allow", "Action": "*", "Resource": "*"}]}""");
        model.UnknownElements.Single().Key.ShouldBe("version");
        model.Statements[0].UnknownElements.Single().Key.ShouldBe("effect");
        model.Statements[0].Effect.ShouldBeNull();
    }

    [Fact]
    public void Choices_and_unknown_values_are_explicit_with_guards()
    {
        // A template-resolved tree: a statement that exists only under a condition, a resource that is either
        // an ARN or absent, and an action that is not known offline.
        var file = new SourceFile("t.yaml", "/t.yaml");
        ScalarNode S(string v, int line, ScalarKind kind = ScalarKind.String) => new(file, new SourceSpan(line, 1, line, 2), kind, v, ScalarStyle.Synthesized);
        PropertyNode P(string k, Node v, int line) => new(k, new SourceSpan(line, 1, line, 2), v);
        var resource = new ChoiceNode(file, new SourceSpan(5, 1, 5, 9), [S("arn:aws:s3:::b", 5), new AbsentNode(file, new SourceSpan(5, 1, 5, 9))], "Fn::If HasBucket");
        var statement = new ObjectNode(file, new SourceSpan(3, 1, 6, 1), [
            P("Effect", S("Allow", 3), 3),
            P("Action", new ArrayNode(file, new SourceSpan(4, 1, 4, 9), [S("{Ref: Action}", 4, ScalarKind.Unknown), S("s3:GetObject", 4)]), 4),
            P("Resource", resource, 5),
        ]);
        var optional = new ChoiceNode(file, new SourceSpan(3, 1, 6, 1), [statement, new AbsentNode(file, new SourceSpan(3, 1, 6, 1))], "Fn::If IsProd");
        var root = new ObjectNode(file, new SourceSpan(1, 1, 7, 1), [
            P("Version", S("2012-10-17", 1), 1),
            P("Statement", new ArrayNode(file, new SourceSpan(2, 1, 6, 1), [optional]), 2),
        ]);

        var model = PolicyModelBuilder.Build(root, PolicyKind.Identity);
        var s = model.Statements.ShouldHaveSingleItem();
        s.Guard.IsConditional.ShouldBeTrue();
        s.Guard.Branches.Single().Reason.ShouldBe("Fn::If IsProd");
        s.Action!.Items[0].Value.IsUnknown.ShouldBeTrue();
        s.Action.Items[1].Value.IsFullyKnown.ShouldBeTrue();
        s.Resource!.MayBeAbsent.ShouldBeTrue();
        var r = s.Resource.Items.ShouldHaveSingleItem();
        r.Value.Guard.Branches.Select(b => b.Reason).ShouldBe(["Fn::If IsProd", "Fn::If HasBucket"]);
        model.Problems.ShouldBeEmpty();

        // The checks skip what is not known instead of reporting it.
        IamTestKit.Validator.Validate(model).Where(i => i.Rule.Id is "PG2044" or "PG2045" or "PG2006").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    public void A_root_that_is_not_an_object_is_one_problem(string text)
    {
        var model = IamTestKit.Model(text);
        model.IsObject.ShouldBeFalse();
        model.Problems.ShouldHaveSingleItem().Expected.ShouldBe("an object");
        IamTestKit.Validator.Validate(model).Select(i => i.Rule.Id).ShouldBe(["PG2006"]);
    }

    [Fact]
    public void Operators_parse_qualifiers_suffixes_and_unknown_names()
    {
        ConditionOperator.Parse("ForAllValues:ArnNotLikeIfExists").ShouldBe(new ConditionOperator("ForAllValues:ArnNotLikeIfExists", ConditionOperatorKind.ArnNotLike, SetQualifier.ForAllValues, true));
        ConditionOperator.Parse("ArnNotLike").IsNegated.ShouldBeTrue();
        ConditionOperator.Parse("StringEqual").IsKnown.ShouldBeFalse();
        ConditionOperator.Parse("stringequals").IsKnown.ShouldBeFalse();
        ConditionOperator.Parse("ForSomeValues:StringEquals").IsKnown.ShouldBeFalse();
        ConditionOperator.Parse("NumericLessThanEquals").Family.ShouldBe(OperatorFamily.Numeric);
        ConditionOperator.Parse("DateGreaterThan").Family.ShouldBe(OperatorFamily.Date);
        ConditionOperator.Parse("BinaryEquals").Family.ShouldBe(OperatorFamily.Binary);
        ConditionOperator.Parse("Null").Family.ShouldBe(OperatorFamily.Null);
    }

    [Theory]
    [InlineData("*", AwsPrincipalForm.Wildcard)]
    [InlineData("111122223333", AwsPrincipalForm.AccountId)]
    [InlineData("arn:aws:iam::111122223333:root", AwsPrincipalForm.AccountRoot)]
    [InlineData("arn:aws:iam::111122223333:user/a", AwsPrincipalForm.User)]
    [InlineData("arn:aws:sts::111122223333:assumed-role/R/s", AwsPrincipalForm.AssumedRoleSession)]
    [InlineData("arn:aws:sts::111122223333:federated-user/u", AwsPrincipalForm.FederatedUser)]
    [InlineData("AROA1234567890EXAMPLE", AwsPrincipalForm.RoleId)]
    [InlineData("AIDA1234567890EXAMPLE", AwsPrincipalForm.UserId)]
    [InlineData("arn:aws:iam::111122223333:group/g", AwsPrincipalForm.OtherArn)]
    [InlineData("alice", AwsPrincipalForm.Other)]
    public void Aws_principal_forms(string text, AwsPrincipalForm form)
    {
        var model = IamTestKit.Model($$"""{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "{{text}}"}, "Action": "s3:*", "Resource": "*"}]}""", PolicyKind.Resource);
        model.Statements[0].Principal!.Items.Single().Form.ShouldBe(form);
    }

    [Fact]
    public void Values_are_equal_when_they_are_the_same_node_under_the_same_guard()
    {
        var a = IamTestKit.Model(Policy, PolicyKind.Resource);
        var va = a.Statements[0].Action!.Items[0].Value;
        var vb = new PolicyValue(va.Node, new Guard([]));
        va.ShouldBe(vb, "the parsed pattern is not part of a value's identity");
        va.GetHashCode().ShouldBe(vb.GetHashCode());
        va.ShouldNotBe(a.Statements[0].Action!.Items[1].Value);
        new Guard([new ChoiceBranch(default, "c", 0, 2)]).ShouldBe(new Guard([new ChoiceBranch(default, "c", 0, 2)]));
        new Guard([new ChoiceBranch(default, "c", 0, 2)]).ShouldNotBe(new Guard([new ChoiceBranch(default, "c", 1, 2)]));
        Guard.Always.ShouldBe(default(Guard));
    }
}
