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
public sealed class CheckContext(FindingSink sink, Config.PolicyGateConfig config)
{
    public FindingSink Sink { get; } = sink;

    public Config.PolicyGateConfig Config { get; } = config;

    public void Report(RuleDescriptor rule, Documents.Node node, string message) => Sink.Report(rule, node, message);
}
