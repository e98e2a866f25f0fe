namespace Hub.Abstractions.Mapping;

/// <summary>What a value map does with a value none of its entries knows.</summary>
public enum UnmappedValues
{
    /// <summary>The value is unknown: the change waits (is parked) until the mapping knows it.</summary>
    Park,

    /// <summary>The value is used as it is (only for free-text fields such as category and subcategory).</summary>
    PassThrough,
}
