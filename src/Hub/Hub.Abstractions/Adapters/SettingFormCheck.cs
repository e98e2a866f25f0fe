using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Hub.Abstractions.Adapters;

/// <summary>
/// Reports the values of each system's settings that binding could not read (see <see cref="SettingForms"/>), as the
/// first validator of the options, so they fail the start together with everything the adapter's validator finds.
/// </summary>
internal sealed class SettingFormCheck<TOptions> : IValidateOptions<TOptions>
    where TOptions : class
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> unreadable = new(StringComparer.Ordinal);

    public void Bound(string name, IReadOnlyList<string> problems) => unreadable[name] = problems;

    public ValidateOptionsResult Validate(string? name, TOptions options) =>
        unreadable.TryGetValue(name ?? Options.DefaultName, out var problems) && problems.Count > 0
            ? ValidateOptionsResult.Fail(problems)
            : ValidateOptionsResult.Skip;
}
