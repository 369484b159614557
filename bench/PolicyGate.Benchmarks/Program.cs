using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/PolicyGate.Benchmarks -- --filter '*Load*'
// dotnet run -c Release --project bench/PolicyGate.Benchmarks -- corpus-no-new-access PAIRS.jsonl   (see scripts/corpus-no-new-access)
if (args is ["corpus-no-new-access", var pairs])
{
    return PolicyGate.Benchmarks.ReasoningCorpus.Run(pairs, Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
