using System.Globalization;

namespace Hub.Simulators.Dynamics;

/// <summary>A delta token as Dataverse writes it: the row version, '!', and when it was issued (<c>919042!08/22/2017 08:10:44</c>).</summary>
internal sealed record DeltaToken(long Version, DateTimeOffset IssuedAt)
{
    private const string Format = "MM/dd/yyyy HH:mm:ss";

    public override string ToString() =>
        $"{Version.ToString(CultureInfo.InvariantCulture)}!{IssuedAt.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture)}";

    public static DeltaToken Parse(string text)
    {
        var bang = text.IndexOf('!', StringComparison.Ordinal);
        if (bang > 0
            && long.TryParse(text[..bang], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && DateTime.TryParseExact(text[(bang + 1)..], Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var issued))
        {
            return new DeltaToken(version, new DateTimeOffset(issued, TimeSpan.Zero));
        }

        throw DataverseFault.BadRequest("The delta token is not valid.", "0x80044352");
    }
}
