using Hub.Adapters.Dynamics.Http;

namespace Hub.Adapters.Dynamics.Tests;

public sealed class ErrorShapeTests
{
    [Theory]
    [InlineData("{\"error\":{\"code\":\"\",\"message\":\"A record with matching key values already exists.\"}}", "", "A record with matching key values already exists.")]
    [InlineData("{\"error\":{\"code\":\"0x80040265\",\"message\":\"Example Error Message.\",\"@Microsoft.PowerApps.CDS.ErrorDetails.OperationStatus\":\"1\",\"@Microsoft.PowerApps.CDS.TraceText\":\"at MyClass\"}}", "0x80040265", "Example Error Message.")]
    [InlineData("{\"Message\":\"An error has occurred at the gateway.\"}", "", "An error has occurred at the gateway.")]
    [InlineData("<html><body>502 Bad Gateway</body></html>", "", "Bad Gateway")]
    [InlineData("", "", "Bad Gateway")]
    public void Every_error_shape_yields_a_code_and_a_message(string body, string code, string message)
    {
        var error = DataverseError.Parse(body, "Bad Gateway");

        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_huge_error_message_is_clipped()
    {
        var error = DataverseError.Parse("{\"error\":{\"code\":\"x\",\"message\":\"" + new string('a', 5000) + "\"}}", "fallback");

        Assert.True(error.Message.Length <= 501);
    }
}
