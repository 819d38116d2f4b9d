using Dovetail.Demo;
using Dovetail.Demo.Lake;
using Dovetail.Demo.Options;
using Spectre.Console;

if (args.FirstOrDefault() == ReconcileCommand.Name)
{
    return await ReconcileCommand.RunAsync(args, Console.Out, CancellationToken.None);
}

var parsed = DemoOptionsParser.Parse(args);
if (parsed.ShowHelp)
{
    Console.WriteLine(DemoOptionsParser.HelpText);
    return 0;
}

if (parsed.Options is null)
{
    await Console.Error.WriteLineAsync(parsed.Error);
    return 2;
}

return await DemoRun.ExecuteAsync(parsed.Options, AnsiConsole.Console);
