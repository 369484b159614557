using System.Text.RegularExpressions;

namespace PolicyGate.Iam.Model;

/// <summary>Recognises the forms an AWS principal value takes.</summary>
public static partial class AwsPrincipals
{
    public static AwsPrincipalForm FormOf(PolicyValue value)
    {
        if (!value.IsFullyKnown)
        {
            return AwsPrincipalForm.Unknown;
        }

        var text = value.Text;
        if (text == "*")
        {
            return AwsPrincipalForm.Wildcard;
        }

        if (AccountIdPattern().IsMatch(text))
        {
            return AwsPrincipalForm.AccountId;
        }

        if (RoleIdPattern().IsMatch(text))
        {
            return AwsPrincipalForm.RoleId;
        }

        if (UserIdPattern().IsMatch(text))
        {
            return AwsPrincipalForm.UserId;
        }

        var arn = Text.Arn.TryParse(text);
        if (arn is null || arn.Prefix != "arn")
        {
            return AwsPrincipalForm.Other;
        }

        return (arn.Service, arn.Resource) switch
        {
            ("iam", "root") => AwsPrincipalForm.AccountRoot,
            ("iam", var r) when r.StartsWith("role/", StringComparison.Ordinal) => AwsPrincipalForm.Role,
            ("iam", var r) when r.StartsWith("user/", StringComparison.Ordinal) => AwsPrincipalForm.User,
            ("sts", var r) when r.StartsWith("assumed-role/", StringComparison.Ordinal) => AwsPrincipalForm.AssumedRoleSession,
            ("sts", var r) when r.StartsWith("federated-user/", StringComparison.Ordinal) => AwsPrincipalForm.FederatedUser,
            _ => AwsPrincipalForm.OtherArn,
        };
    }

    public static string? AccountOf(string text, AwsPrincipalForm form) => form switch
    {
        AwsPrincipalForm.AccountId => text,
        AwsPrincipalForm.AccountRoot or AwsPrincipalForm.Role or AwsPrincipalForm.User or AwsPrincipalForm.AssumedRoleSession
            or AwsPrincipalForm.FederatedUser or AwsPrincipalForm.OtherArn => Text.Arn.TryParse(text)?.Account,
        _ => null,
    };

    [GeneratedRegex("^[0-9]{12}$")]
    public static partial Regex AccountIdPattern();

    [GeneratedRegex("^AROA[A-Z0-9]{12,}$")]
    private static partial Regex RoleIdPattern();

    [GeneratedRegex("^AIDA[A-Z0-9]{12,}$")]
    private static partial Regex UserIdPattern();
}
