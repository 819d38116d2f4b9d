using Dovetail.Demo;
using Dovetail.Demo.Options;
using Spectre.Console;

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
