namespace Hub.Abstractions.Model;

/// <summary>The languages the hub writes texts in (two-letter codes), and the one it writes when nothing says which.</summary>
public static class Languages
{
    public const string Dutch = "nl";
    public const string English = "en";

    /// <summary>The language of a system, route or contractor that names none.</summary>
    public const string Default = Dutch;

    /// <summary>The name of the setting that gives a language, on a system (its "settings") or a route (its "parameters").</summary>
    public const string SettingName = "language";
}
