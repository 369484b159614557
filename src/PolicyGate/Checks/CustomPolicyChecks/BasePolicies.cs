using PolicyGate.Extraction;

namespace PolicyGate.Checks.CustomPolicyChecks;

/// <summary>
/// The policies a changed file held at the <c>--changed-since</c> base, matched to today's by owner (logical id
/// and property path; the file may have been renamed). <see cref="FileExisted"/> is false for an added file:
/// then every policy in it is new.
/// </summary>
public sealed class BasePolicies
{
    private readonly Dictionary<string, PolicySubject> _byOwner;

    public BasePolicies(string reference, bool fileExisted, IEnumerable<PolicySubject> policies)
    {
        Reference = reference;
        FileExisted = fileExisted;
        _byOwner = new Dictionary<string, PolicySubject>(StringComparer.Ordinal);
        foreach (var policy in policies)
        {
            _byOwner.TryAdd(Key(policy.Owner), policy);
        }
    }

    /// <summary>The git ref as the user wrote it, for messages.</summary>
    public string Reference { get; }

    public bool FileExisted { get; }

    public PolicySubject? Find(PolicyOwner owner) => _byOwner.GetValueOrDefault(Key(owner));

    private static string Key(PolicyOwner owner) => $"{owner.LogicalId}\u0000{owner.PropertyPath}";
}
