using System.Globalization;
using Hub.Abstractions.Adapters;

namespace Hub.Host.Configuration;

/// <summary>
/// One system's webhook (POST /hooks/&lt;name&gt;), under Hub:Systems:&lt;name&gt;: <c>WebhookSecret</c> turns it on;
/// <c>AllowWebhookSecretHeader</c> also lets a sender that cannot sign present the secret itself (X-Hub-Secret);
/// <c>WebhookMaxBodyBytes</c> is the largest body taken in. Checked at start; a bad value names its key.
/// </summary>
internal sealed record WebhookSettings(string Secret, bool AllowSecretHeader, int MaxBodyBytes)
{
    public const string SecretSetting = "WebhookSecret";
    public const string AllowSecretHeaderSetting = "AllowWebhookSecretHeader";
    public const string MaxBodyBytesSetting = "WebhookMaxBodyBytes";

    /// <summary>A webhook says only "something changed": 64 KiB is plenty, and the most an unknown caller can make the hub read.</summary>
    public const int DefaultMaxBodyBytes = 64 * 1024;

    private const int SmallestMaxBodyBytes = 1024;
    private const int LargestMaxBodyBytes = 1024 * 1024;
    private const int ShortestSecret = 16;

    /// <summary>The system's webhook settings, or null when it has no WebhookSecret (its webhook is off).</summary>
    public static WebhookSettings? Read(IConfigurationSection system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var secret = system[SecretSetting];
        var allowSecretHeader = ReadAllowSecretHeader(system);
        var maxBodyBytes = ReadMaxBodyBytes(system);
        if (string.IsNullOrEmpty(secret))
        {
            if (allowSecretHeader)
            {
                throw new HubConfigurationException(Key(system, AllowSecretHeaderSetting),
                    $"is true but {Key(system, SecretSetting)} is not set; set the secret to turn the webhook on, or remove this setting.");
            }

            return null;
        }

        if (secret.Length < ShortestSecret)
        {
            throw new HubConfigurationException(Key(system, SecretSetting),
                $"is shorter than {ShortestSecret} characters; use a long random value, e.g. the output of `openssl rand -hex 32`.");
        }

        return new WebhookSettings(secret, allowSecretHeader, maxBodyBytes);
    }

    private static bool ReadAllowSecretHeader(IConfigurationSection system)
    {
        var text = system[AllowSecretHeaderSetting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return bool.TryParse(text.Trim(), out var allowed)
            ? allowed
            : throw new HubConfigurationException(Key(system, AllowSecretHeaderSetting), "must be true or false (default false).");
    }

    private static int ReadMaxBodyBytes(IConfigurationSection system)
    {
        var text = system[MaxBodyBytesSetting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultMaxBodyBytes;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) || bytes < SmallestMaxBodyBytes || bytes > LargestMaxBodyBytes)
        {
            throw new HubConfigurationException(Key(system, MaxBodyBytesSetting),
                $"'{text}' is not a number of bytes from {SmallestMaxBodyBytes} to {LargestMaxBodyBytes} (default {DefaultMaxBodyBytes}).");
        }

        return bytes;
    }

    private static string Key(IConfigurationSection system, string setting) => $"{system.Path}:{setting}";
}
