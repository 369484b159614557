using PolicyGate.Extraction;

namespace PolicyGate.Checks;

/// <summary>
/// The rules enabled for a run, grouped by the subject type they check. Runs each subject through its rules;
/// a rule that throws becomes a tool-error finding for that subject instead of ending the scan.
/// </summary>
public sealed class RuleSet
{
    private readonly IReadOnlyList<IRule> _rules;
    private readonly Dictionary<Type, IReadOnlyList<IRule>> _byType = [];
    private readonly Lock _lock = new();

    public RuleSet(IEnumerable<IRule> rules, RuleSettings settings)
    {
        _rules = rules.Where(r => settings.IsEnabled(r.Descriptor)).ToList();
    }

    public IReadOnlyList<IRule> Rules => _rules;

    public IReadOnlyList<IRule<TSubject>> For<TSubject>()
        where TSubject : ISubject
    {
        lock (_lock)
        {
            if (!_byType.TryGetValue(typeof(TSubject), out var list))
            {
                list = _rules.OfType<IRule<TSubject>>().ToList();
                _byType[typeof(TSubject)] = list;
            }

            return (IReadOnlyList<IRule<TSubject>>)list;
        }
    }

    public void Check(ISubject subject, CheckContext context, Documents.SourceLocation fallbackLocation) =>
        subject.Dispatch(new Runner(this, context, fallbackLocation));

    private sealed class Runner(RuleSet set, CheckContext context, Documents.SourceLocation fallback) : ISubjectVisitor
    {
        public void Visit<TSubject>(TSubject subject)
            where TSubject : ISubject
        {
            var scoped = subject is IOwnedSubject owned ? context.For(owned.Owner) : context;
            foreach (var rule in set.For<TSubject>())
            {
                try
                {
                    rule.Check(subject, scoped);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    context.Sink.Report(
                        ToolNotifications.RuleFailed,
                        fallback,
                        $"rule {rule.Descriptor.Id} ({rule.Descriptor.Name}) failed on this file: {ex.GetType().Name}: {ex.Message}");
                }
            }
        }
    }
}
