using System.Text;

namespace Hub.Engine.Mapping.Loading;

/// <summary>
/// Where each line of a UTF-8 text starts, to turn a byte offset into a 1-based line and column (in UTF-16 characters,
/// as an editor counts them). A line ends at "\n", "\r\n" or a lone "\r".
/// </summary>
internal sealed class TextLines
{
    private readonly byte[] bytes;
    private readonly List<int> starts = [0];

    public TextLines(byte[] bytes)
    {
        this.bytes = bytes;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n' || (bytes[i] == (byte)'\r' && (i + 1 == bytes.Length || bytes[i + 1] != (byte)'\n')))
            {
                starts.Add(i + 1);
            }
        }
    }

    public (int Line, int Column) At(int offset)
    {
        var line = LineIndex(offset);
        return (line + 1, Encoding.UTF8.GetCharCount(bytes, starts[line], offset - starts[line]) + 1);
    }

    /// <summary>The 0-based byte position within its line, as System.Text.Json reports one.</summary>
    public int BytePositionInLine(int offset) => offset - starts[LineIndex(offset)];

    private int LineIndex(int offset)
    {
        var index = starts.BinarySearch(offset);
        return index >= 0 ? index : ~index - 1;
    }
}
