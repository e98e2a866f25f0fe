namespace Hub.Abstractions.Mapping;

/// <summary>Along a route, which way a field flows: down (from → to), up (to → from), both or none.</summary>
public enum FlowDirection
{
    Down,
    Up,
    Both,
    None,
}
