using PolicyGate.Cli;

return PolicyGateCli.Run(args, CliOutput.Console() with { ErrorIsTerminal = !Console.IsErrorRedirected });
