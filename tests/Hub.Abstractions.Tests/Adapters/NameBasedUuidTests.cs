using Hub.Abstractions.Adapters;

namespace Hub.Engine.Tests.Adapters;

public sealed class NameBasedUuidTests
{
    [Fact]
    public void A_version_5_uuid_matches_the_example_of_RFC_9562()
    {
        // RFC 9562 appendix A.4: the DNS namespace and the name "www.example.com"
        var dns = Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(Guid.Parse("2ed6657d-e927-568b-95e1-2665a8aea6a2"), NameBasedUuid.Version5(dns, "www.example.com"));
    }

    [Fact]
    public void The_same_command_key_gives_the_same_id_and_another_key_another()
    {
        var space = Guid.Parse("6f1d3c1e-5a0b-4e8f-9c47-2b7d8e0a4f61");

        Assert.Equal(NameBasedUuid.Version5(space, "HUB-2026-000042/17"), NameBasedUuid.Version5(space, "HUB-2026-000042/17"));
        Assert.NotEqual(NameBasedUuid.Version5(space, "HUB-2026-000042/17"), NameBasedUuid.Version5(space, "HUB-2026-000042/18"));
    }
}
