using System.CommandLine;
using Hub.Abstractions.Mapping;
using Hub.Engine.Mapping;
using Hub.Host.Configuration;

namespace Hub.Host.Cli;

/// <summary>
/// `hub mappings validate [dir]`: checks the mapping files; every error names file, JSON path, problem and fix.
/// `hub mappings test &lt;system&gt; &lt;record&gt;`: a dry run of one record (<see cref="MappingsTestCommand"/>).
/// </summary>
internal sealed class MappingsCommand : IHubCommandFactory
{
    public Command Create()
    {
        var directory = new Argument<string?>("dir") { Description = "Mappings directory (default: Hub:MappingsPath).", Arity = ArgumentArity.ZeroOrOne };
        var validate = new Command("validate", "Validate the mapping files against the schema and each other.") { directory };
        validate.SetAction(parse =>
        {
            var dir = parse.GetValue(directory) ?? MappingsSettings.Directory(CliConfiguration.From(parse));
            var result = MappingLoader.Load(Path.GetFullPath(dir));
            if (result.Succeeded)
            {
                var set = result.Mappings!;
                parse.InvocationConfiguration.Output.WriteLine(
                    $"OK: {result.Files.Count} files in {dir} (mapping {set.Version}): {set.Systems.Count} systems, {set.ValueMaps.Count} value maps, {set.Routes.Count} routes, {set.Contractors.Count} contractors.");
                return 0;
            }

            foreach (var error in result.Errors)
            {
                parse.InvocationConfiguration.Error.WriteLine(error.ToString());
            }

            parse.InvocationConfiguration.Error.WriteLine($"{result.Errors.Count} error(s) in {dir}; the hub keeps the last good mapping until they are fixed.");
            return 1;
        });

        return new Command("mappings", "Work with the admin's mapping files.") { validate, MappingsTestCommand.Create() };
    }
}
