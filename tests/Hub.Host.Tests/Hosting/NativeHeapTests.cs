using System.Globalization;
using System.Runtime.InteropServices;
using Hub.Host.Hosting;

namespace Hub.Host.Tests.Hosting;

/// <summary>
/// The native heap's trim (<see cref="NativeHeapTrim"/> runs it once a minute in the service): memory that native code
/// freed between blocks it still uses stays resident until the heap is trimmed, and the trim gives it back.
/// </summary>
[Collection(ProcessMemoryGroup.Name)]
public sealed class NativeHeapTests
{
    private const int BlockSize = 4096;
    private const int Blocks = 16 * 1024; // 64 MB in all
    private const int KeptEvery = 16; // one block in 16 stays in use, so the freed memory is not at the heap's end

    [Fact]
    public void Native_memory_freed_between_blocks_still_in_use_stays_resident_until_the_heap_is_trimmed()
    {
        Assert.True(NativeHeap.CanTrim, "the hub runs on Linux with glibc here, where the native heap can be trimmed");
        var blocks = new IntPtr[Blocks];
        try
        {
            for (var i = 0; i < Blocks; i++)
            {
                blocks[i] = Marshal.AllocHGlobal(BlockSize); // malloc
                Marshal.Copy(new byte[BlockSize], 0, blocks[i], BlockSize); // written, so resident
            }

            var written = ResidentAnonymousBytes();
            for (var i = 0; i < Blocks; i++)
            {
                if (i % KeptEvery != KeptEvery - 1)
                {
                    Marshal.FreeHGlobal(blocks[i]);
                    blocks[i] = IntPtr.Zero;
                }
            }

            var freed = ResidentAnonymousBytes();
            Assert.True(NativeHeap.Trim());
            var trimmed = ResidentAnonymousBytes();

            Assert.True(written - freed < 8 * Mb, $"freeing alone gave back {(written - freed) / Mb} MB (glibc keeps freed memory in its arenas)");
            Assert.True(freed - trimmed > 32 * Mb, $"the trim gave back {(freed - trimmed) / Mb} MB of the {Blocks * (KeptEvery - 1L) / KeptEvery * BlockSize / Mb} MB freed");
        }
        finally
        {
            foreach (var block in blocks.Where(b => b != IntPtr.Zero))
            {
                Marshal.FreeHGlobal(block);
            }
        }
    }

    private const long Mb = 1024 * 1024;

    private static long ResidentAnonymousBytes()
    {
        var line = File.ReadLines("/proc/self/status").Single(l => l.StartsWith("RssAnon:", StringComparison.Ordinal));
        return long.Parse(line["RssAnon:".Length..].Trim().TrimEnd('B', 'k').Trim(), CultureInfo.InvariantCulture) * 1024;
    }
}
