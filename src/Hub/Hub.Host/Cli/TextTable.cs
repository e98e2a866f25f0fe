namespace Hub.Host.Cli;

/// <summary>A small left-aligned table for a terminal: columns as wide as their widest cell.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> rows = [];

    /// <summary>Adds a row; every cell goes through <see cref="TerminalText"/>, whatever system its text came from.</summary>
    public void Add(params string[] cells) => rows.Add([.. cells.Select(TerminalText.Clean)]);

    public void WriteTo(TextWriter output, string indent = "  ")
    {
        var widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(headers))
        {
            var cells = row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]));
            output.WriteLine(indent + string.Join("  ", cells).TrimEnd());
        }
    }
}
