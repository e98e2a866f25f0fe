using Hub.Engine.Mapping;

namespace Hub.Engine.Tests.Mapping;

internal static class LoadResultAssertions
{
    /// <summary>The one error the load reported, checked for kind, file and path; the message shows all errors when it fails.</summary>
    public static MappingError SingleError(this MappingLoadResult result, MappingErrorKind kind, string file, string path)
    {
        Assert.False(result.Succeeded, "The load should have failed.");
        Assert.True(result.Errors.Count == 1, $"Expected exactly one error, got:{Environment.NewLine}{result.Describe()}");
        var error = result.Errors[0];
        Assert.True(
            error.Kind == kind && error.File == file && error.JsonPath == path,
            $"Expected {kind} at {file} {path}, got:{Environment.NewLine}{error.Kind}: {error}");
        Assert.False(string.IsNullOrWhiteSpace(error.Problem));
        Assert.False(string.IsNullOrWhiteSpace(error.Fix));
        return error;
    }
}
