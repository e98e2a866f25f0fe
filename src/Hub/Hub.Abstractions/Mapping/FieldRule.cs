namespace Hub.Abstractions.Mapping;

/// <summary>
/// How one field travels along a route. <see cref="Owner"/> names the system whose value wins a conflict;
/// without an owner the later source timestamp wins. <see cref="Visibility"/> applies to comments written
/// upstream: "public" (the reporter sees it), "internal", or "asSource" (keep the source's visibility).
/// <see cref="Relay"/>, for comments and resolution: what another organisation wrote further along the chain passes
/// this route too; without it such words stay with the next hop (each organisation's own words reach only its neighbours).
/// </summary>
public sealed record FieldRule(FlowDirection Direction, string? Owner = null, string? Visibility = null, bool Relay = false);
