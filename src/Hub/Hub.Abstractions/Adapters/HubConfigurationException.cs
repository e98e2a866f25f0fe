namespace Hub.Abstractions.Adapters;

/// <summary>A setting is missing or wrong. The message names the full configuration key and how to fix it.</summary>
public sealed class HubConfigurationException : Exception
{
    public HubConfigurationException(string key, string problem)
        : base($"{key}: {problem}")
    {
        Key = key;
    }

    public HubConfigurationException()
        : this("Hub", "invalid configuration")
    {
    }

    public HubConfigurationException(string message)
        : this("Hub", message)
    {
    }

    public HubConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = "Hub";
    }

    public string Key { get; }
}
