using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/PolicyGate.Benchmarks -- --filter '*Load*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
