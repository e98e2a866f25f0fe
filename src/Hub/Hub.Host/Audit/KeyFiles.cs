using Hub.Abstractions.Adapters;

namespace Hub.Host.Audit;

/// <summary>
/// Reads a secret key from a file named by a setting: one key in base64 (<c>openssl rand -base64 32</c>). A missing,
/// unreadable, malformed or short key is refused with a message naming the setting and the file, never the key.
/// </summary>
internal static class KeyFiles
{
    public const string HowToMake = "make one with `openssl rand -base64 32` (see README, Security)";

    /// <param name="setting">The full configuration key that names the file, for the message.</param>
    /// <param name="what">What the key is, for the message ("a journal key").</param>
    public static byte[] Read(string setting, string file, string baseDirectory, int minimumBytes, string what)
    {
        var path = Path.GetFullPath(Path.Combine(baseDirectory, file));
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception missing) when (missing is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new HubConfigurationException(setting, $"no key file at {path}; {HowToMake}.");
        }
        catch (Exception unreadable) when (unreadable is UnauthorizedAccessException or IOException)
        {
            throw new HubConfigurationException(setting, $"the key file {path} cannot be read (not a file, or no permission): give the hub's account read access to it.");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new HubConfigurationException(setting, $"the key file {path} does not hold a key in base64; {HowToMake}.");
        }

        return key.Length >= minimumBytes
            ? key
            : throw new HubConfigurationException(setting, $"the key in {path} is {key.Length} bytes; {what} needs at least {minimumBytes} random bytes: {HowToMake}.");
    }
}
