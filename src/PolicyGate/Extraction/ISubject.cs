namespace PolicyGate.Extraction;

/// <summary>
/// Something the check stage examines. Each subject type dispatches itself to the visitor with its static
/// type, so rules are found by the subject type they declare, without reflection.
/// </summary>
public interface ISubject
{
    void Dispatch(ISubjectVisitor visitor);
}

public interface ISubjectVisitor
{
    void Visit<TSubject>(TSubject subject)
        where TSubject : ISubject;
}

/// <summary>A subject that belongs to a policy file, a pattern file or a template resource.</summary>
public interface IOwnedSubject : ISubject
{
    PolicyOwner Owner { get; }
}
