using PolicyGate.Documents;
using PolicyGate.Extraction;

namespace PolicyGate.CloudFormation;

/// <summary>
/// AWS::Organizations::Policy: the Content of a service control policy or resource control policy (object
/// or JSON string). Other policy types (tag, backup, AI opt-out, chatbot, declarative) are not IAM policies.
/// </summary>
public sealed class OrganizationsPolicyExtractor : IResourceExtractor
{
    public bool Handles(string resourceType) => resourceType == "AWS::Organizations::Policy";

    public void Extract(ResolvedResource resource, TemplateScope scope)
    {
        if (resource.Properties is not { } properties)
        {
            return;
        }

        var kind = ResolvedProperties.Text(properties, "Type") switch
        {
            "SERVICE_CONTROL_POLICY" => PolicyKind.ServiceControl,
            "RESOURCE_CONTROL_POLICY" => PolicyKind.ResourceControl,
            _ => (PolicyKind?)null,
        };
        if (kind is null)
        {
            if (properties["Type"] is ScalarNode { HasUnknowns: true } unknownType)
            {
                scope.Diagnostics.Add(TemplateDiagnosticKind.UnsupportedFeature, unknownType, $"the policy Type of {resource.LogicalId} is not known offline, so its Content is not checked as an SCP or RCP");
            }

            return;
        }

        var (document, exact) = scope.Document(properties["Content"], kind == PolicyKind.ServiceControl ? "service control policy" : "resource control policy");
        if (document is not null)
        {
            scope.AddPolicy(resource, "Properties.Content", kind.Value, "AWS::Organizations::Policy", document, exact);
        }
    }
}
