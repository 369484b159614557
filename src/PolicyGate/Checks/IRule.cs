using PolicyGate.Extraction;

namespace PolicyGate.Checks;

/// <summary>A rule: its descriptor (data) and, through <see cref="IRule{TSubject}"/>, how it checks one kind of subject.</summary>
public interface IRule
{
    RuleDescriptor Descriptor { get; }
}

public interface IRule<in TSubject> : IRule
    where TSubject : ISubject
{
    void Check(TSubject subject, CheckContext context);
}

/// <summary>What a rule may use while checking: where findings go and the run's configuration.</summary>
public sealed class CheckContext
{
    private readonly Dictionary<object, Dictionary<Type, object>> _derived;

    public CheckContext(FindingSink sink, Config.PolicyGateConfig config, CustomPolicyChecks.PolicyCheckEngines? engines = null, CustomPolicyChecks.BasePolicies? basePolicies = null)
        : this(sink, config, engines ?? CustomPolicyChecks.PolicyCheckEngines.Local, basePolicies, new Dictionary<object, Dictionary<Type, object>>(ReferenceEqualityComparer.Instance))
    {
    }

    private CheckContext(FindingSink sink, Config.PolicyGateConfig config, CustomPolicyChecks.PolicyCheckEngines engines, CustomPolicyChecks.BasePolicies? basePolicies, Dictionary<object, Dictionary<Type, object>> derived)
    {
        Sink = sink;
        Config = config;
        Engines = engines;
        BasePolicies = basePolicies;
        _derived = derived;
    }

    public FindingSink Sink { get; }

    public Config.PolicyGateConfig Config { get; }

    /// <summary>The engines the custom policy checks run on.</summary>
    public CustomPolicyChecks.PolicyCheckEngines Engines { get; }

    /// <summary>The policies of this file's version at the <c>--changed-since</c> base; null when not comparing this file.</summary>
    public CustomPolicyChecks.BasePolicies? BasePolicies { get; }

    public void Report(RuleDescriptor rule, Documents.Node node, string message) => Sink.Report(rule, node, message);

    /// <summary>The same context for checking one owned subject: its findings carry the owner's logical id.</summary>
    public CheckContext For(PolicyOwner owner) => owner.LogicalId is null ? this : new CheckContext(Sink.For(owner), Config, Engines, BasePolicies, _derived);

    /// <summary>The policy's model, built once per subject and shared by every rule that reads it.</summary>
    public Iam.Model.PolicyDocument PolicyModel(PolicySubject subject) => Derived(subject, () => Iam.Model.PolicyModelBuilder.Build(subject));

    /// <summary>
    /// Something computed from a subject once and shared by every rule that checks it (for example a policy
    /// model). A context serves one file on one thread, so no locking; the values go when the file is done.
    /// </summary>
    public T Derived<T>(object subject, Func<T> build)
        where T : class
    {
        if (!_derived.TryGetValue(subject, out var byType))
        {
            byType = [];
            _derived[subject] = byType;
        }

        if (!byType.TryGetValue(typeof(T), out var value))
        {
            value = build();
            byType[typeof(T)] = value;
        }

        return (T)value;
    }
}
