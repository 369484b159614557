using System.Collections.Frozen;
using System.Collections.Immutable;
using PolicyGate.Documents;
using PolicyGate.EventBridge.Events;
using PolicyGate.EventBridge.Matching;

namespace PolicyGate.EventBridge;

/// <summary>
/// Validates and compiles an event pattern exactly as EventBridge's compiler reads it: members in source
/// order (duplicates included: a later value list for the same path replaces the earlier one, while a
/// repeated object key merges), $or branches forking the sub-rules, and every operator's argument checked
/// with the service's own message, reported at the offending node. Unlike the service it goes on after
/// an error, so every problem is reported; the first is the one EventBridge gives.
/// </summary>
public sealed class PatternCompiler
{
    public const int MaxCombinations = 1000;
    public const int MaxFieldsPerCombination = 256;
    public const int MaxLength = 4096;
    public const string OrKeyword = "$or";

    /// <summary>Field names that cannot appear inside an $or branch, at any depth.</summary>
    public static readonly FrozenSet<string> ReservedInOr = new[]
    {
        "exactly", "equals-ignore-case", "prefix", "suffix", "anything-but", "exists", "wildcard", "numeric", "cidr",
        "=", "<", "<=", ">", ">=", "regex", "not-wildcard", "not-equals-ignore-case", "date-after", "date-on-or-after",
        "date-before", "date-on-or-before", "in-date-range", "ip-address-in-range", "ip-address-not-in-range",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly List<PatternError> _errors = [];
    private readonly List<(ArrayNode, int)> _wildcardScores = [];
    private bool _tooManyCombinations;

    private PatternCompiler()
    {
    }

    public static PatternCompilation Compile(Node root)
    {
        var compiler = new PatternCompiler();
        var rules = new List<Dictionary<string, Condition>>();
        var measures = new PatternMeasures { CompactLength = JsonText.Compact(root).Length };
        var top = Resolve(root);
        if (top is not ObjectNode obj)
        {
            compiler._errors.Add(PatternError.At(top ?? root, "Filter is not an object"));
            return new PatternCompilation(null, compiler._errors.ToImmutableArray(), measures);
        }

        compiler.ParseObject(obj, null, insideOr: false, rules);
        var combinations = CombinationCounter.Compiled(obj);
        measures = measures with
        {
            Combinations = combinations,
            DocumentedCombinations = CombinationCounter.Documented(obj),
            MaxFieldsPerCombination = rules.Count == 0 ? 0 : rules.Max(r => r.Count),
            WildcardScores = compiler._wildcardScores.ToImmutableArray(),
        };

        if (compiler._tooManyCombinations || combinations > MaxCombinations)
        {
            compiler._errors.Add(PatternError.At(obj, $"The $or expressions of the pattern expand to {Describe(combinations)} combinations; EventBridge allows at most {MaxCombinations}"));
        }

        if (measures.MaxFieldsPerCombination > MaxFieldsPerCombination)
        {
            compiler._errors.Add(PatternError.At(obj, $"Size of rule exceeds max value of {MaxFieldsPerCombination} (one combination of the pattern has {measures.MaxFieldsPerCombination} fields)"));
        }

        if (measures.CompactLength > MaxLength)
        {
            compiler._errors.Add(PatternError.At(obj, $"Value at 'eventPattern' failed to satisfy constraint: Member must have length less than or equal to {MaxLength} (the pattern is {measures.CompactLength} characters even without spaces)"));
        }

        foreach (var (list, score) in compiler._wildcardScores)
        {
            if (score >= WildcardComplexity.RejectedAt)
            {
                compiler._errors.Add(PatternError.At(list, "Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character"));
            }
        }

        if (compiler._errors.Count > 0)
        {
            // Errors are already in the order a streaming reader meets them.
            return new PatternCompilation(null, compiler._errors.ToImmutableArray(), measures);
        }

        var subRules = rules
            .Select(r => new SubRule(r.Values.OrderBy(c => c.Path, StringComparer.Ordinal).ToImmutableArray()))
            .ToImmutableArray();
        return new PatternCompilation(new CompiledPattern(obj, subRules), [], measures);
    }

    private static string Describe(long count) => count >= int.MaxValue ? "more than 2 billion" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A node as the compiler reads it: an undecidable choice (from template resolution) stands for the
    /// union of its value lists, or else its first alternative; "no value" removes the member.
    /// </summary>
    internal static Node? Resolve(Node node)
    {
        if (node is AbsentNode)
        {
            return null;
        }

        if (node is not ChoiceNode choice)
        {
            return node;
        }

        var alternatives = choice.Alternatives().ToList();
        if (alternatives.Count == 0)
        {
            return null;
        }

        if (alternatives.Count > 1 && alternatives.All(a => a is ArrayNode))
        {
            return new ArrayNode(choice.File, choice.Span, alternatives.Cast<ArrayNode>().SelectMany(a => a.Items).ToImmutableArray());
        }

        return alternatives[0];
    }

    private static IEnumerable<Node> Items(ArrayNode list)
    {
        foreach (var item in list.Items)
        {
            if (item is ChoiceNode choice)
            {
                foreach (var alternative in choice.Alternatives())
                {
                    yield return alternative;
                }
            }
            else if (item is not AbsentNode)
            {
                yield return item;
            }
        }
    }

    private void Error(Node node, string reason) => _errors.Add(PatternError.At(node, reason));

    internal void ReportError(Node node, string reason) => Error(node, reason);

    internal void ReportError(PatternError error) => _errors.Add(error);

    private void ParseObject(ObjectNode obj, string? prefix, bool insideOr, List<Dictionary<string, Condition>> rules)
    {
        if (obj.Properties.IsEmpty)
        {
            Error(obj, "Empty objects are not allowed");
            return;
        }

        foreach (var property in obj.Properties)
        {
            if (property.Key == OrKeyword)
            {
                ParseOr(obj, property, prefix, rules);
                continue;
            }

            if (insideOr && ReservedInOr.Contains(property.Key))
            {
                _errors.Add(PatternError.AtKey(obj, property, $"{property.Key} is Ruler reserved fieldName which cannot be used inside {OrKeyword}."));
                continue;
            }

            var value = Resolve(property.Value);
            var path = prefix is null ? property.Key : prefix + "." + property.Key;
            switch (value)
            {
                case null:
                    break;
                case ObjectNode child:
                    ParseObject(child, path, insideOr, rules);
                    break;
                case ArrayNode list:
                    WriteRules(rules, path, property, list);
                    break;
                default:
                    Error(value, $"\"{property.Key}\" must be an object or an array");
                    break;
            }
        }
    }

    private void ParseOr(ObjectNode owner, PropertyNode property, string? prefix, List<Dictionary<string, Condition>> rules)
    {
        var value = Resolve(property.Value);
        if (value is not ArrayNode branches)
        {
            Error(value ?? (Node)owner, $"It must be an Array followed with {OrKeyword}.");
            return;
        }

        var before = rules.Select(r => new Dictionary<string, Condition>(r, StringComparer.Ordinal)).ToList();
        rules.Clear();
        var count = 0;
        foreach (var branch in Items(branches))
        {
            count++;
            if (branch is not ObjectNode obj)
            {
                Error(branch, $"Only JSON object is allowed in array of {OrKeyword} relationship.");
                continue;
            }

            var forked = before.Select(r => new Dictionary<string, Condition>(r, StringComparer.Ordinal)).ToList();
            if (forked.Count == 0)
            {
                forked.Add(new Dictionary<string, Condition>(StringComparer.Ordinal));
            }

            ParseObject(obj, prefix, insideOr: true, forked);
            rules.AddRange(forked);
            if (rules.Count > MaxCombinations)
            {
                // Invalid anyway; stop the expansion from growing while the rest is still validated.
                _tooManyCombinations = true;
                rules.RemoveRange(MaxCombinations + 1, rules.Count - MaxCombinations - 1);
            }
        }

        if (count < 2)
        {
            Error(branches, $"There must have at least 2 Objects in {OrKeyword} relationship.");
        }
    }

    private void WriteRules(List<Dictionary<string, Condition>> rules, string path, PropertyNode property, ArrayNode list)
    {
        var errorsBefore = _errors.Count;
        var matchers = ImmutableArray.CreateBuilder<ValueMatcher>();
        var wildcards = new List<WildcardText>();
        Node? absence = null;
        var any = false;
        foreach (var item in Items(list))
        {
            any = true;
            switch (item)
            {
                case ObjectNode expression:
                    new MatchExpressionReader(this, matchers, wildcards).Read(expression, ref absence);
                    break;
                case ScalarNode scalar:
                    AddLiteral(scalar, matchers);
                    break;
                default:
                    Error(item, "Match value must be String, number, true, false, or null");
                    break;
            }
        }

        if (!any)
        {
            Error(list, "Empty arrays are not allowed");
        }

        if (wildcards.Count > 0)
        {
            _wildcardScores.Add((list, WildcardComplexity.Score(wildcards)));
        }

        if (_errors.Count > errorsBefore)
        {
            return;
        }

        var condition = new Condition(path, property, list, matchers.ToImmutable(), absence);
        if (rules.Count == 0)
        {
            rules.Add(new Dictionary<string, Condition>(StringComparer.Ordinal));
        }

        foreach (var rule in rules)
        {
            rule[path] = condition;
        }
    }

    private static void AddLiteral(ScalarNode scalar, ImmutableArray<ValueMatcher>.Builder matchers)
    {
        switch (scalar.Kind)
        {
            case ScalarKind.Number:
                // A number matches by value when its text is an exact float64, and always by its text.
                if (Float64Text.TryGetComparable(scalar.Value, out var number))
                {
                    matchers.Add(new NumericEqualsMatcher(scalar, number));
                }

                matchers.Add(new ExactLiteralMatcher(scalar, LeafKind.Number, scalar.Value));
                break;
            case ScalarKind.Boolean:
                matchers.Add(new ExactLiteralMatcher(scalar, scalar.Value.Equals("true", StringComparison.OrdinalIgnoreCase) ? LeafKind.True : LeafKind.False, scalar.Value));
                break;
            case ScalarKind.Null:
                matchers.Add(new ExactLiteralMatcher(scalar, LeafKind.Null, "null"));
                break;
            default:
                // A string that is an IP address is compared as an address, not as text.
                if (IpAddressValue.TryParse(scalar.Value, out var address))
                {
                    matchers.Add(new AddressRangeMatcher(scalar, address.IsV6, address.Value, address.Value));
                }
                else
                {
                    matchers.Add(new ExactStringMatcher(scalar, scalar.Value));
                }

                break;
        }
    }

    /// <summary>Reads one match expression ({"prefix": ...}, {"numeric": [...]}, ...) into matchers.</summary>
    private sealed class MatchExpressionReader(PatternCompiler compiler, ImmutableArray<ValueMatcher>.Builder matchers, List<WildcardText> wildcards)
    {
        private const string OnlyOneKey = "Only one key allowed in match expression";
        private const string TooManyElements = "Too many elements in numeric expression";

        public void Read(ObjectNode expression, ref Node? absence)
        {
            if (expression.Properties.IsEmpty)
            {
                compiler.Error(expression, "Match expression name not found");
                return;
            }

            var first = expression.Properties[0];
            var argument = Resolve(first.Value) ?? first.Value;
            switch (first.Key)
            {
                case "exactly":
                    if (StringOf(argument) is not { } exact)
                    {
                        compiler.Error(argument, "exact match pattern must be a string");
                    }
                    else if (OnlyKey(expression))
                    {
                        matchers.Add(new ExactStringMatcher(expression, exact));
                    }

                    break;
                case "prefix":
                case "suffix":
                    ReadAffix(expression, first.Key, argument);
                    break;
                case "equals-ignore-case":
                    if (StringOf(argument) is not { } text)
                    {
                        compiler.Error(argument, "equals-ignore-case match pattern must be a string");
                    }
                    else if (OnlyKey(expression))
                    {
                        matchers.Add(new IgnoreCaseMatcher(expression, MatcherKind.EqualsIgnoreCase, text));
                    }

                    break;
                case "wildcard":
                    if (StringOf(argument) is not { } glob)
                    {
                        compiler.Error(argument, "wildcard match pattern must be a string");
                    }
                    else if (WildcardText.Parse(glob, out var wildcardError) is not { } wildcard)
                    {
                        compiler.Error(argument, wildcardError!);
                    }
                    else if (OnlyKey(expression))
                    {
                        wildcards.Add(wildcard);
                        matchers.Add(new WildcardMatcher(expression, wildcard));
                    }

                    break;
                case "exists":
                    if (argument is not ScalarNode { Kind: ScalarKind.Boolean } flag)
                    {
                        compiler.Error(argument, "exists match pattern must be either true or false.");
                    }
                    else if (OnlyKey(expression))
                    {
                        if (flag.Value.Equals("true", StringComparison.OrdinalIgnoreCase))
                        {
                            matchers.Add(new ExistsMatcher(expression));
                        }
                        else
                        {
                            absence = expression;
                        }
                    }

                    break;
                case "cidr":
                    if (StringOf(argument) is not { } cidr)
                    {
                        // The service's message really says "prefix" here.
                        compiler.Error(argument, "prefix match pattern must be a string");
                    }
                    else if (CidrText.Parse(cidr, out var cidrError) is not { } range)
                    {
                        compiler.Error(argument, cidrError!);
                    }
                    else if (OnlyKey(expression))
                    {
                        matchers.Add(new AddressRangeMatcher(expression, range.IsV6, range.Lower, range.Upper));
                    }

                    break;
                case "numeric":
                    if (argument is not ArrayNode terms)
                    {
                        compiler.Error(argument, "Value of numeric must be an array.");
                    }
                    else if (NumericReader.Read(expression, terms, out var numericError, out var errorNode) is not { } numeric)
                    {
                        compiler.Error(errorNode!, numericError!);
                    }
                    else if (expression.Properties.Length > 1)
                    {
                        compiler._errors.Add(PatternError.AtKey(expression, expression.Properties[1], TooManyElements));
                    }
                    else
                    {
                        matchers.Add(numeric);
                    }

                    break;
                case "anything-but":
                    if (new AnythingButReader(compiler).Read(expression, argument) is { } anythingBut)
                    {
                        matchers.Add(anythingBut);
                    }

                    break;
                default:
                    compiler._errors.Add(PatternError.AtKey(expression, first, $"Unrecognized match type {first.Key}"));
                    break;
            }
        }

        private void ReadAffix(ObjectNode expression, string op, Node argument)
        {
            var isPrefix = op == "prefix";
            if (argument is ObjectNode inner)
            {
                if (inner.Properties.IsEmpty)
                {
                    compiler.Error(inner, isPrefix ? "Prefix expression name not found" : "Suffix expression name not found");
                    return;
                }

                var innerFirst = inner.Properties[0];
                if (innerFirst.Key != "equals-ignore-case")
                {
                    compiler._errors.Add(PatternError.AtKey(inner, innerFirst, $"Unsupported {op} pattern: {innerFirst.Key}"));
                    return;
                }

                var innerArgument = Resolve(innerFirst.Value) ?? innerFirst.Value;
                if (StringOf(innerArgument) is not { } folded)
                {
                    compiler.Error(innerArgument, "equals-ignore-case match pattern must be a string");
                    return;
                }

                if (OnlyKey(inner) && OnlyKey(expression))
                {
                    matchers.Add(new IgnoreCaseMatcher(expression, isPrefix ? MatcherKind.PrefixIgnoreCase : MatcherKind.SuffixIgnoreCase, folded));
                }

                return;
            }

            if (StringOf(argument) is not { } text)
            {
                compiler.Error(argument, $"{op} match pattern must be a string");
                return;
            }

            if (OnlyKey(expression))
            {
                matchers.Add(isPrefix ? new PrefixMatcher(expression, text) : new SuffixMatcher(expression, text));
            }
        }

        private bool OnlyKey(ObjectNode expression)
        {
            if (expression.Properties.Length == 1)
            {
                return true;
            }

            compiler._errors.Add(PatternError.AtKey(expression, expression.Properties[1], OnlyOneKey));
            return false;
        }
    }

    /// <summary>The string value of a node, treating unknown template values as strings; null otherwise.</summary>
    internal static string? StringOf(Node node) =>
        node is ScalarNode { Kind: ScalarKind.String or ScalarKind.Unknown } s ? s.Value : null;
}
