namespace PolicyGate.AccessAnalyzer;

/// <summary>A response that does not have the shape the service model promises.</summary>
public sealed class AwsMalformedResponseException(string message) : Exception(message);
