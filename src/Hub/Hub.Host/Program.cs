using Hub.Host.Cli;

return await HubCli.Build().Parse(args).InvokeAsync().ConfigureAwait(false);
