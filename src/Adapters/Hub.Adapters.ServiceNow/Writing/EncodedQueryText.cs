using Hub.Abstractions.Adapters;

namespace Hub.Adapters.ServiceNow.Writing;

/// <summary>
/// A value put into an encoded query. '^' separates conditions and has no escape, so a value holding one (or a line
/// break) would change the query; such a value is refused instead of being sent.
/// </summary>
internal static class EncodedQueryText
{
    public static string Value(string value, string what)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Contains('^', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal)
            ? throw new ArgumentException($"{what} '{value}' holds a '^' or a line break, which an encoded query cannot carry.")
            : value;
    }

    public static string Value(string value, string what, string systemName)
    {
        try
        {
            return Value(value, what);
        }
        catch (ArgumentException refused)
        {
            throw AdapterException.Permanent(systemName, refused.Message);
        }
    }
}
