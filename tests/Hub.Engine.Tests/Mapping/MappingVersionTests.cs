using Hub.Engine.Mapping;

namespace Hub.Engine.Tests.Mapping;

/// <summary>
/// The mappings version is logged, shown by the health check and compared on every reload, so a hub upgraded onto the
/// same files must keep it: these figures were taken with the loader of fa2633d (Newtonsoft's compact JSON).
/// </summary>
public sealed class MappingVersionTests : IDisposable
{
    private readonly MappingDirectory mappings = MappingDirectory.CopyOfShipped();

    public void Dispose() => mappings.Dispose();

    [Fact]
    public void The_shipped_mappings_keep_their_version()
    {
        Assert.Equal("c1cc413b41aa", MappingLoader.Load(MappingDirectory.Shipped).Mappings!.Version);
    }

    [Fact]
    public void Escaped_text_emoji_right_to_left_script_and_a_flag_keep_their_version()
    {
        mappings.Edit(
            "systems.json",
            "\"adapter\": \"TopDesk\",",
            "\"adapter\": \"TopDesk\",\n      \"settings\": { \"we\\\"ird\\u2028 naam\\u0000\": \"tab\\t nl\\n cr\\r ff\\f bs\\b quote\\\" backslash\\\\ slash\\/ nul\\u0000 ctl\\u001F del\\u007f nel\\u0085 ls\\u2028 ps\\u2029 😀 שלום <&>' é \\ud83d\\ude00\" },");

        mappings.Edit(
            "routes.json",
            "\"status\": { \"direction\": \"up\", \"owner\": \"facility\" }",
            "\"status\": { \"direction\": \"up\", \"owner\": \"facility\", \"relay\": true }");

        var result = MappingLoader.Load(mappings.Path);

        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal("e504a3acb2ca", result.Mappings.Version);
    }
}
