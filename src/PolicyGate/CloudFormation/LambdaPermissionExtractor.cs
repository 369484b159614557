using PolicyGate.Documents;
using PolicyGate.Extraction;

namespace PolicyGate.CloudFormation;

/// <summary>
/// AWS::Lambda::Permission and AWS::Lambda::LayerVersionPermission describe one statement of the function's
/// (or layer version's) resource policy in their properties; this builds that statement the way Lambda does:
/// the principal, the action, the function ARN as Resource, and conditions from SourceAccount, SourceArn,
/// PrincipalOrgID, EventSourceToken and FunctionUrlAuthType (OrganizationId for layers).
/// </summary>
public sealed class LambdaPermissionExtractor : IResourceExtractor
{
    public bool Handles(string resourceType) => resourceType is "AWS::Lambda::Permission" or "AWS::Lambda::LayerVersionPermission";

    public void Extract(ResolvedResource resource, TemplateScope scope)
    {
        if (resource.Properties is not { } properties)
        {
            return;
        }

        var deployment = scope.Resolver.Deployment;
        var layer = resource.Type == "AWS::Lambda::LayerVersionPermission";
        var target = layer ? properties["LayerVersionArn"] : properties["FunctionName"];
        var statement = new List<(string, Node)> { ("Sid", SyntheticPolicy.Text(properties, resource.LogicalId)), ("Effect", SyntheticPolicy.Text(properties, "Allow")) };
        if (properties["Principal"] is { } principal)
        {
            statement.Add(("Principal", SyntheticPolicy.Principal(principal, deployment)));
        }

        if (properties["Action"] is { } action)
        {
            statement.Add(("Action", action));
        }

        if (target is not null)
        {
            statement.Add(("Resource", layer ? target : FunctionArn(target, deployment)));
        }

        var condition = layer
            ? SyntheticPolicy.Condition(properties, [("StringEquals", "aws:PrincipalOrgID", properties["OrganizationId"])])
            : SyntheticPolicy.Condition(properties,
            [
                ("StringEquals", "AWS:SourceAccount", properties["SourceAccount"]),
                ("ArnLike", "AWS:SourceArn", properties["SourceArn"]),
                ("StringEquals", "aws:PrincipalOrgID", properties["PrincipalOrgID"]),
                ("StringEquals", "lambda:EventSourceToken", properties["EventSourceToken"]),
                ("StringEquals", "lambda:FunctionUrlAuthType", properties["FunctionUrlAuthType"]),
            ]);
        if (condition is not null)
        {
            statement.Add(("Condition", condition));
        }

        var document = SyntheticPolicy.Document(properties, SyntheticPolicy.Object(properties, statement));
        scope.AddPolicy(resource, "Properties", PolicyKind.Resource, layer ? "AWS::Lambda::LayerVersion" : "AWS::Lambda::Function", document);
    }

    /// <summary>A function name, partial ARN (<c>account:function:name</c>) or full ARN, as the full ARN.</summary>
    public static Node FunctionArn(Node name, DeploymentValues deployment)
    {
        if (name is not ScalarNode { Kind: ScalarKind.String } s || s.Value.StartsWith("arn:", StringComparison.Ordinal))
        {
            return name;
        }

        var prefix = s.Value.Contains(":function:", StringComparison.Ordinal)
            ? $"arn:{deployment.Partition}:lambda:{deployment.Region}:"
            : $"arn:{deployment.Partition}:lambda:{deployment.Region}:{deployment.AccountId}:function:";
        return new UnknownAwareText().Append(prefix).Append(s).Build(s.File, s.Span);
    }
}
