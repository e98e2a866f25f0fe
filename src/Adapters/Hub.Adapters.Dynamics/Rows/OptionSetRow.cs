using System.Text.Json.Serialization;

namespace Hub.Adapters.Dynamics.Rows;

/// <summary>
/// A choice column's definition as far as the hub reads it: its options' values
/// (<c>EntityDefinitions(LogicalName='incident')/Attributes(LogicalName='statuscode')/Microsoft.Dynamics.CRM.StatusAttributeMetadata?$expand=OptionSet</c>).
/// </summary>
internal sealed class OptionSetRow
{
    [JsonPropertyName("OptionSet")]
    public OptionList? OptionSet { get; set; }

    internal sealed class OptionList
    {
        [JsonPropertyName("Options")]
        public List<OptionRow> Options { get; set; } = [];
    }

    internal sealed class OptionRow
    {
        [JsonPropertyName("Value")]
        public int Value { get; set; }
    }
}
