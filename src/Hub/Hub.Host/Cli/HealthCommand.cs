using System.CommandLine;
using Hub.Abstractions.Adapters;
using Hub.Host.Configuration;
using Hub.Host.Health;
using Hub.Host.Hosting;

namespace Hub.Host.Cli;

/// <summary>
/// `hub health`: asks the running hub's /health, for a container's HEALTHCHECK (the image has no curl) or a monitoring
/// script. Exit 0 when it answers healthy or degraded, 1 when unhealthy or not answering, 2 for a bad Hub:Api:Urls.
/// </summary>
internal sealed class HealthCommand : IHubCommandFactory
{
    public Command Create()
    {
        var url = new Option<string?>("--url")
        {
            Description = "The hub to ask, e.g. http://127.0.0.1:5080 (default: the first of Hub:Api:Urls; a host listening on every address is asked on loopback).",
        };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the answer.", DefaultValueFactory = _ => 5 };
        var command = new Command("health", "Ask the running hub's /health: exit 0 when healthy or degraded, 1 when unhealthy or not answering.");
        command.Options.Add(url);
        command.Options.Add(timeout);
        command.SetAction(async (parse, ct) =>
        {
            Uri address;
            try
            {
                address = parse.GetValue(url) is { } given
                    ? HealthProbe.AddressFrom(given)
                    : HealthProbe.AddressFrom(CliConfiguration.From(parse).Root);
            }
            catch (HubConfigurationException bad)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"hub: configuration error: {bad.Message}".AsMemory(), ct);
                return HubService.ExitConfiguration;
            }
            catch (UriFormatException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"hub: --url: '{parse.GetValue(url)}' is not an http(s) URL, e.g. {ApiSettings.DefaultUrls}".AsMemory(), ct);
                return HubService.ExitConfiguration;
            }

            var answer = await HealthProbe.AskAsync(address, TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))), ct);
            var writer = answer.Healthy ? parse.InvocationConfiguration.Output : parse.InvocationConfiguration.Error;
            await writer.WriteLineAsync($"hub: {answer.Address} {answer.Says}".AsMemory(), ct);
            return answer.Healthy ? 0 : 1;
        });
        return command;
    }
}
