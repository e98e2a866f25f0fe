using Hub.Abstractions.Adapters;

namespace Hub.Abstractions.Tests.Adapters;

public sealed class PlainTextCredentialsTests
{
    private const string WhatItIs = "the tenant's address, e.g. https://acme.example.net";

    [Theory]
    [InlineData("https://acme.example.net/")]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("http://localhost/")]
    [InlineData("http://[::1]:9000/")]
    public void An_https_address_or_plain_http_to_loopback_is_accepted(string address)
    {
        var problems = Check(address, allowPlainText: false);

        Assert.False(problems.Any, string.Join(" | ", problems.ToResult().Failures ?? []));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("acme.example.net")]
    [InlineData("ftp://acme.example.net/")]
    public void A_missing_or_non_http_address_is_refused_with_what_it_must_be(string? address)
    {
        var failure = Assert.Single(Check(address, allowPlainText: false).ToResult().Failures!);

        Assert.Equal("Hub:Systems:desk:BaseUrl: must be the tenant's address, e.g. https://acme.example.net.", failure);
    }

    [Fact]
    public void Plain_http_to_another_machine_is_refused_naming_the_key_and_the_opt_in_but_not_the_secret()
    {
        var failure = Assert.Single(Check("http://desk.example.org/api/", allowPlainText: false).ToResult().Failures!);

        Assert.Equal(
            "Hub:Systems:desk:BaseUrl: 'http://desk.example.org/api/' sends the password unencrypted; use https, or set "
            + "Hub:Systems:desk:AllowPlainTextCredentials=true to allow it.",
            failure);
    }

    [Fact]
    public void Plain_http_to_another_machine_is_accepted_when_the_system_allows_plain_text_credentials() =>
        Assert.False(Check("http://desk.example.org/api/", allowPlainText: true).Any);

    private static SettingProblems Check(string? address, bool allowPlainText)
    {
        var problems = new SettingProblems("desk");
        PlainTextCredentials.CheckAddress(problems, "BaseUrl", address, allowPlainText, WhatItIs, "the password");
        return problems;
    }
}
