using System.CommandLine;
using System.Security.Cryptography;
using Hub.Host.Audit;

namespace Hub.Host.Cli;

/// <summary>
/// `hub apikey hash [key]` and `hub apikey new`: make the SHA-256 hash that goes into Hub:Api:ApiKeyHashes.
/// The configuration only ever holds hashes; the key itself stays with the auditor.
/// </summary>
internal sealed class ApiKeyCommand : IHubCommandFactory
{
    public Command Create()
    {
        var key = new Argument<string?>("key")
        {
            Description = "The API key to hash. Leave it out (or give -) to read it from standard input, which keeps it out of the shell history.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var hash = new Command("hash", "Print the SHA-256 hash of an API key, for Hub:Api:ApiKeyHashes.") { key };
        hash.SetAction(async (parse, ct) =>
        {
            var given = parse.GetValue(key);
            var text = given is null or "-" ? (await Console.In.ReadLineAsync(ct).ConfigureAwait(false))?.Trim() : given;
            if (string.IsNullOrEmpty(text))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("Give the key as an argument or on standard input.".AsMemory(), ct).ConfigureAwait(false);
                return 1;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync(ApiKeyHash.Of(text).AsMemory(), ct).ConfigureAwait(false);
            return 0;
        });

        var create = new Command("new", "Make a new random API key and print it with its hash (give the key to the auditor, put the hash in Hub:Api:ApiKeyHashes).");
        create.SetAction(parse =>
        {
            var newKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            parse.InvocationConfiguration.Output.WriteLine($"key:  {newKey}");
            parse.InvocationConfiguration.Output.WriteLine($"hash: {ApiKeyHash.Of(newKey)}");
        });

        return new Command("apikey", "API keys for the auditors' HTTP API.") { hash, create };
    }
}
