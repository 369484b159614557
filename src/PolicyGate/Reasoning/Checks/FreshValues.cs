namespace PolicyGate.Reasoning.Checks;

/// <summary>
/// Values that appear in no policy of a check, for callers from outside: an account id, and a token for
/// identifiers an outsider controls (their organisation, VPC, session name).
/// </summary>
public sealed record FreshValues(string Account, string Token)
{
    private static readonly string[] Accounts = ["999988887777", "999999999999", "888877776666", "777766665555", "123498765012"];

    public static FreshValues Avoiding(IEnumerable<string> texts)
    {
        var all = string.Join('\n', texts);
        var account = Accounts.FirstOrDefault(a => !all.Contains(a, StringComparison.Ordinal))
            ?? Enumerable.Range(1, 10_000).Select(i => $"9{i:D11}").First(a => !all.Contains(a, StringComparison.Ordinal));
        var token = Enumerable.Range(0, 10_000).Select(i => i == 0 ? "outsider" : $"outsider{i}").First(t => !all.Contains(t, StringComparison.OrdinalIgnoreCase));
        return new FreshValues(account, token);
    }
}
