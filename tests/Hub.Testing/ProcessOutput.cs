using System.Collections.Concurrent;
using System.Diagnostics;

namespace Hub.Testing;

/// <summary>Everything a child process writes, both streams line by line as they come (standard error marked "ERR ").</summary>
internal sealed class ProcessOutput
{
    private readonly ConcurrentQueue<string> lines = new();

    /// <summary>Starts reading <paramref name="process"/>'s redirected output and error.</summary>
    public ProcessOutput(Process process)
    {
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lines.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lines.Enqueue("ERR " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Text => string.Join(Environment.NewLine, lines);
}
