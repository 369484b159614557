using PolicyGate.Extraction;

namespace PolicyGate.CloudFormation;

/// <summary>
/// IAM identity policies (inline policies of roles, users and groups; AWS::IAM::Policy, ManagedPolicy,
/// RolePolicy, UserPolicy, GroupPolicy; an SSO permission set's inline policy, object or string) and role
/// trust policies (AssumeRolePolicyDocument: a resource policy of the role, governing AWS::IAM::Role).
/// For identity policies the resource type is the type that holds the policy.
/// </summary>
public sealed class IdentityPolicyExtractor : IResourceExtractor
{
    private static readonly HashSet<string> WithInlineList = ["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"];

    private static readonly HashSet<string> WithDocument =
        ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy"];

    public bool Handles(string resourceType) =>
        WithInlineList.Contains(resourceType) || WithDocument.Contains(resourceType) || resourceType == "AWS::SSO::PermissionSet";

    public void Extract(ResolvedResource resource, TemplateScope scope)
    {
        var properties = resource.Properties;
        if (properties is null)
        {
            return;
        }

        if (resource.Type == "AWS::IAM::Role")
        {
            Add(scope, resource, properties["AssumeRolePolicyDocument"], "Properties.AssumeRolePolicyDocument", PolicyKind.Trust, "trust policy");
        }

        if (WithInlineList.Contains(resource.Type))
        {
            foreach (var (index, policy) in ResolvedProperties.Objects(properties["Policies"]))
            {
                Add(scope, resource, policy["PolicyDocument"], $"Properties.Policies[{index}].PolicyDocument", PolicyKind.Identity, "policy document");
            }
        }
        else if (WithDocument.Contains(resource.Type))
        {
            Add(scope, resource, properties["PolicyDocument"], "Properties.PolicyDocument", PolicyKind.Identity, "policy document");
        }
        else
        {
            Add(scope, resource, properties["InlinePolicy"], "Properties.InlinePolicy", PolicyKind.Identity, "inline policy");
        }
    }

    private static void Add(TemplateScope scope, ResolvedResource resource, Documents.Node? value, string path, PolicyKind kind, string what)
    {
        var (document, exact) = scope.Document(value, what);
        if (document is not null)
        {
            scope.AddPolicy(resource, path, kind, kind == PolicyKind.Trust ? "AWS::IAM::Role" : resource.Type, document, exact);
        }
    }
}
