namespace PolicyGate.AccessAnalyzer;

/// <summary>
/// The most calls a run may send to AWS (custom policy checks are billed per call). A call is one operation
/// sent; its retries and cache hits do not count.
/// </summary>
public sealed class AwsCallBudget(int? maxCalls)
{
    private int _taken;

    public int? MaxCalls => maxCalls;

    /// <summary>Takes one call from the budget or throws <see cref="PolicyCheckUnavailableException"/> naming the limit.</summary>
    public void Take(string operation)
    {
        if (maxCalls is not { } max)
        {
            return;
        }

        if (Interlocked.Increment(ref _taken) > max)
        {
            throw new PolicyCheckUnavailableException(
                $"the AWS call budget of {max} call{(max == 1 ? string.Empty : "s")} (max-aws-calls) is used up; {operation} was not sent. Raise the budget or use the local engine");
        }
    }
}
