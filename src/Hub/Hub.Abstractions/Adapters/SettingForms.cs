using System.Collections;
using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Hub.Abstractions.Adapters;

/// <summary>
/// Binds a system's section onto its options class. A value that cannot be read as its setting's type (a word where a
/// number belongs, a choice the setting does not have) is not bound but returned as a problem with its full key, so
/// every such value is reported together with what the validator finds, instead of the binder stopping at the first.
/// An empty value of a number, time span, choice or switch leaves the class's default.
/// </summary>
internal static class SettingForms
{
    public static IReadOnlyList<string> Bind<TOptions>(IConfigurationSection section, TOptions options)
        where TOptions : class
    {
        var readable = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        Sort(section, section.Path.Length + 1, typeof(TOptions), readable, problems);
        new ConfigurationBuilder().AddInMemoryCollection(readable).Build().Bind(options);
        return problems;
    }

    /// <summary>Puts every value the binder can read into <paramref name="readable"/> (by its path below the system) and every other into <paramref name="problems"/>.</summary>
    private static void Sort(IConfigurationSection section, int prefix, Type type, Dictionary<string, string?> readable, List<string> problems)
    {
        foreach (var child in section.GetChildren())
        {
            var property = type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                continue; // not a setting of this class (Adapter, PollInterval, WebhookSecret are the host's)
            }

            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (target != typeof(string) && typeof(IEnumerable).IsAssignableFrom(target))
            {
                foreach (var (key, value) in child.AsEnumerable())
                {
                    readable[key[prefix..]] = value;
                }
            }
            else if (IsGroup(target))
            {
                Sort(child, prefix, target, readable, problems);
            }
            else if (child.Value is { } value && property.SetMethod is not null)
            {
                if (target != typeof(string) && string.IsNullOrWhiteSpace(value))
                {
                    continue; // left empty: the default stays
                }

                if (target == typeof(string) || CanRead(value, target))
                {
                    readable[child.Path[prefix..]] = value;
                }
                else
                {
                    problems.Add(SettingProblems.Format(child.Path, WhyNot(value, target, child.Path[prefix..])));
                }
            }
        }
    }

    private static bool IsGroup(Type type) =>
        type.IsClass && type != typeof(string) && type != typeof(Uri) && type.GetConstructor(Type.EmptyTypes) is not null;

    private static bool CanRead(string value, Type type)
    {
        try
        {
            _ = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or NotSupportedException or OverflowException)
        {
            return false;
        }
    }

    private static string WhyNot(string value, Type type, string setting)
    {
        if (type.IsEnum)
        {
            var choices = Enum.GetNames(type);
            var listed = choices.Length == 1 ? choices[0] : $"{string.Join(", ", choices[..^1])} or {choices[^1]}";
            return $"'{value}' is not a choice: {setting} is {listed}.";
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => $"'{value}' must be true or false.",
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64
                => $"'{value}' is not a whole number.",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => $"'{value}' is not a number; write it with a point, e.g. 0.05.",
            _ when type == typeof(TimeSpan) => $"'{value}' is not a time span; write it as hh:mm:ss or d.hh:mm:ss, e.g. 00:01:00.",
            _ => $"'{value}' cannot be read as {type.Name}.",
        };
    }
}
