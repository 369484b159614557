namespace PolicyGate.Reasoning.Policies;

/// <summary>
/// The caller of a request, written as one string so that principals are just another string variable:
/// <c>AWS:arn:aws:iam::111122223333:role/Admin</c>, <c>Service:lambda.amazonaws.com</c>,
/// <c>Federated:token.actions.githubusercontent.com</c>, <c>CanonicalUser:79a5...</c> or <c>Anonymous</c>.
/// </summary>
public static class PrincipalIdentity
{
    public const string Aws = "AWS:";
    public const string Service = "Service:";
    public const string Federated = "Federated:";
    public const string CanonicalUser = "CanonicalUser:";
    public const string Anonymous = "Anonymous";

    public static string OfAws(string arn) => Aws + arn;

    /// <summary>A reader's name for the caller: the ARN, "the service x", "anonymous".</summary>
    public static string Describe(string identity) => identity switch
    {
        Anonymous => "an anonymous caller",
        _ when identity.StartsWith(Aws, StringComparison.Ordinal) => identity[Aws.Length..],
        _ when identity.StartsWith(Service, StringComparison.Ordinal) => $"the service {identity[Service.Length..]}",
        _ when identity.StartsWith(Federated, StringComparison.Ordinal) => $"a user federated through {identity[Federated.Length..]}",
        _ when identity.StartsWith(CanonicalUser, StringComparison.Ordinal) => $"the canonical user {identity[CanonicalUser.Length..]}",
        _ => identity,
    };
}
