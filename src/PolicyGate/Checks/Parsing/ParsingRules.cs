namespace PolicyGate.Checks.Parsing;

public static class ParsingRules
{
    public static IEnumerable<IRule> All =>
    [
        new InvalidSyntaxRule(),
        new DuplicateKeyRule(),
        new UnsupportedEncodingRule(),
        new FileTooLargeRule(),
        new NestingTooDeepRule(),
        new AliasExpansionLimitRule(),
        new UnreadableFileRule(),
    ];
}
