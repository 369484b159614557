using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Catalog;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;
using PolicyGate.Reasoning.Checks;
using PolicyGate.Reasoning.Policies;

namespace PolicyGate.Reasoning;

/// <summary>
/// The "local" engine: Access Analyzer's checks answered offline by PolicyGate's own decision procedure.
/// FAIL comes with a counterexample for every contributing statement; when a statement cannot be decided
/// within the budget the answer is FAIL with "could not prove", never PASS. ValidatePolicy is the offline
/// validator. Inputs Access Analyzer would reject (a policy that is not a JSON object, an unsupported resource
/// type) throw <see cref="ArgumentException"/>; a counterexample that fails its concrete re-check throws
/// <see cref="SelfCheckFailedException"/>.
/// </summary>
public sealed class LocalPolicyCheckEngine(ReasoningLimits? limits = null, Func<IamCatalog?>? catalog = null, OfflinePolicyValidator? validator = null) : IPolicyCheckEngine
{
    public const string EngineName = "local";

    private readonly ReasoningLimits _limits = limits ?? ReasoningLimits.Default;
    private readonly Func<IamCatalog?> _catalog = catalog ?? (() => IamCatalogResource.Embedded);

    public string Name => EngineName;

    public Task<PolicyCheckResult> CheckNoNewAccessAsync(CheckNoNewAccessRequest request, CancellationToken cancellationToken)
    {
        var resource = request.PolicyType == CheckPolicyType.Resource;
        var newModel = Model(request.NewPolicy, request.PolicyType, "new policy");
        var existingModel = Model(request.ExistingPolicy, request.PolicyType, "existing policy");
        var result = NoNewAccessCheck.Run(
            PolicyReader.Read(newModel, PolicyReading.Broadest, resource),
            PolicyReader.Read(existingModel, PolicyReading.Narrowest, resource),
            resource,
            _catalog,
            _limits,
            FreshValues.Avoiding([request.NewPolicy.Json, request.ExistingPolicy.Json]));
        return Task.FromResult(result);
    }

    public Task<PolicyCheckResult> CheckAccessNotGrantedAsync(CheckAccessNotGrantedRequest request, CancellationToken cancellationToken)
    {
        var actions = request.Actions.IsDefault ? [] : request.Actions;
        var resources = request.Resources.IsDefault ? [] : request.Resources;
        if (actions.IsEmpty && resources.IsEmpty)
        {
            throw new ArgumentException("CheckAccessNotGranted needs at least one action or one resource");
        }

        var resource = request.PolicyType == CheckPolicyType.Resource;
        var model = Model(request.Policy, request.PolicyType, "policy");
        var result = AccessNotGrantedCheck.Run(
            PolicyReader.Read(model, PolicyReading.Broadest, resource), actions, resources, resource, _catalog, _limits,
            FreshValues.Avoiding([request.Policy.Json, .. actions, .. resources]));
        return Task.FromResult(result);
    }

    public Task<PolicyCheckResult> CheckNoPublicAccessAsync(CheckNoPublicAccessRequest request, CancellationToken cancellationToken)
    {
        if (!AccessAnalyzerLimits.PublicAccessResourceTypes.Contains(request.ResourceType))
        {
            throw new ArgumentException(
                $"CheckNoPublicAccess does not support the resource type \"{request.ResourceType}\"; supported: {string.Join(", ", AccessAnalyzerLimits.PublicAccessResourceTypes.Order(StringComparer.Ordinal))}");
        }

        var model = Model(request.Policy, CheckPolicyType.Resource, "policy");
        var result = NoPublicAccessCheck.Run(PolicyReader.Read(model, PolicyReading.Broadest, comparePrincipals: true, partialArnsNameOneAccount: true), _catalog, _limits, FreshValues.Avoiding([request.Policy.Json]));
        return Task.FromResult(result);
    }

    public Task<ValidatePolicyResult> ValidatePolicyAsync(ValidatePolicyRequest request, CancellationToken cancellationToken) =>
        Task.FromResult((validator ?? OfflinePolicyValidator.CreateDefault()).Validate(request));

    /// <summary>The policy's model: from its located tree when it came from a scanned file, else parsed from its JSON.</summary>
    public static PolicyDocument Model(PolicyDocumentInput input, CheckPolicyType type, string role)
    {
        var kind = type == CheckPolicyType.Identity ? PolicyKind.Identity : PolicyKind.Resource;
        var node = input.Located;
        if (node is null)
        {
            var file = new SourceFile($"{role}.json", $"{role}.json", input.Json);
            var parsed = JsonDocumentParser.Parse(file, input.Json);
            var error = parsed.Diagnostics.FirstOrDefault(d => d.Kind is DiagnosticKind.SyntaxError or DiagnosticKind.NestingTooDeep);
            if (error is not null || parsed.Documents.IsEmpty)
            {
                throw new ArgumentException($"the {role} is not valid JSON: {error?.Message ?? "it is empty"}");
            }

            node = parsed.Documents[0];
        }

        var model = PolicyModelBuilder.Build(node, kind);
        if (!model.IsObject)
        {
            throw new ArgumentException($"the {role} is not a JSON object");
        }

        return model;
    }
}
