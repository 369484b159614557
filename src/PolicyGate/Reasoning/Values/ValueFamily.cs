namespace PolicyGate.Reasoning.Values;

/// <summary>How a condition compares values. Bool, Binary and Arn operators compare strings, so they are String here.</summary>
public enum ValueFamily
{
    String,
    Numeric,
    Date,
    Ip,
}

/// <summary>The comparison one policy value makes with one request value (negated operators negate the whole test).</summary>
public enum Comparison
{
    /// <summary>String families: the value matches the pattern.</summary>
    Match,
    Equal,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,

    /// <summary>IpAddress: the address lies in the CIDR range.</summary>
    InRange,
}
