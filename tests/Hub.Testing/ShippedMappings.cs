namespace Hub.Testing;

/// <summary>The repository's mapping folders, copied for a test to run a hub on (and edit) without touching the originals.</summary>
public static class ShippedMappings
{
    /// <summary>Copies the files of <paramref name="folder"/> (relative to the repository root) into <paramref name="target"/>; returns the target.</summary>
    public static string CopyTo(string target, string folder = "mappings")
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Path.Combine(HubProcess.RepositoryRoot(), folder)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }
}
