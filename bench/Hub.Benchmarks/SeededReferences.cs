using System.Globalization;

namespace Hub.Benchmarks;

/// <summary>
/// The references of seeded case n in each system, derived from n alone so the seeder and the lookups agree:
/// hub id "HUB-2026-000042", TOPdesk number "I 2026 00042", Dynamics number "CAS-00042-K7Q2XM", work order "WO-7K3QX9PM".
/// </summary>
internal static class SeededReferences
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    // An odd multiplier is a bijection modulo 32^8, so distinct case numbers give distinct tokens.
    private const ulong Scatter = 0x9E3779B1UL;
    private const ulong Modulus = 1UL << 40;

    public static string HubId(int n) => "HUB-2026-" + n.ToString("000000", CultureInfo.InvariantCulture);

    public static string TopDeskNumber(int n) => "I 2026 " + n.ToString("00000", CultureInfo.InvariantCulture);

    public static string TopDeskId(int n) => "td-" + n.ToString(CultureInfo.InvariantCulture);

    public static string DynamicsNumber(int n) => "CAS-" + n.ToString("00000", CultureInfo.InvariantCulture) + "-" + Token(n, 6, 7);

    public static string DynamicsId(int n) => "dyn-" + n.ToString(CultureInfo.InvariantCulture);

    public static string WorkOrder(int n) => "WO-" + Token(n, 8, 1);

    private static string Token(int n, int length, int salt)
    {
        var value = ((ulong)n * Scatter + (ulong)salt) % Modulus;
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[(int)(value % 32)];
            value /= 32;
        }

        return new string(chars);
    }
}
