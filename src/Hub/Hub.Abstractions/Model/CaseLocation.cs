namespace Hub.Abstractions.Model;

/// <summary>Where the complaint is: site, building, floor and room, each optional.</summary>
public sealed record CaseLocation(string? Site, string? Building, string? Floor, string? Room)
{
    public override string ToString() =>
        string.Join(", ", new[] { Site, Building, Floor, Room }.Where(part => !string.IsNullOrWhiteSpace(part)));
}
