#!/bin/bash
# Samples the hub's real CPU (perf, root) while it takes in a backlog with the APIs answering at once, and sums it up by
# area with perf-areas.py. Usage: docs/performance/perf-backlog.sh [incidents=400] [seconds=30] [out=/tmp/hub-perf]
# Build first: dotnet build bench/Hub.Benchmarks.Sync -c Release
# The hub profiled is the benchmark's: the shipped build (bench/Hub.Benchmarks.Sync/bin/shipped-hub/hub/hub.dll, published
# by `dotnet run -c Release --project bench/Hub.Benchmarks.Sync -- publish`), or the one HUB_DLL names (HUB_DLL=
# src/Hub/Hub.Host/bin/Release/net10.0/hub.dll for the JIT build). The perf map names JIT-ed code and stubs only, not
# ReadyToRun code: perf-areas.py counts such a frame for its image ("[unknown] Hub.Engine.dll"); for method names run the
# same build once more with DOTNET_ReadyToRun=0 in the environment (every method JIT-ed, fully optimised; cpu-shipped.md).
# The sampling ends early when the hub does (400 incidents take about 10 s on a quiet machine).
set -e
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${3:-/tmp/hub-perf}; mkdir -p "$OUT"
cd "$ROOT"
DLL=${HUB_DLL:-$ROOT/bench/Hub.Benchmarks.Sync/bin/shipped-hub/hub/hub.dll}
[ -f "$DLL" ] || { echo "no hub at $DLL: publish it first (see above) or set HUB_DLL" >&2; exit 1; }
export HUB_DLL=$DLL   # the benchmark starts exactly this build, so the pgrep below finds it
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0   # JIT-ed frames named in /tmp/perf-PID.map
setsid dotnet run -c Release --no-build --project bench/Hub.Benchmarks.Sync -- backlog --latency 0 --incidents "${1:-400}" > "$OUT/bench.txt" 2>&1 &
BENCH=$!
for _ in $(seq 1 600); do   # this checkout's hub only: other checkouts may run benchmarks at the same time
  PID=$(pgrep -f "^dotnet $DLL run --config /tmp/hub-syncbench" | head -1 || true)
  [ -n "$PID" ] && break; sleep 0.5
done
DIR=$(dirname "$(tr '\0' ' ' < /proc/$PID/cmdline | awk '{print $5}')")
for _ in $(seq 1 600); do [ "$(ls "$DIR/mail/outbox" 2>/dev/null | wc -l)" -ge 10 ] && break; sleep 0.2; done  # the 10 warm-up work orders are out
echo "hub $DLL pid $PID; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/load.txt"
perf record -F 999 -g -p "$PID" -o "$OUT/perf.data" -- sleep "${2:-30}" || true   # ends early when the hub does
echo "load average at end of sampling: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load.txt"
wait $BENCH || true
perf script -i "$OUT/perf.data" -F comm,ip,sym,dso > "$OUT/perf.txt" 2>/dev/null
python3 "$ROOT/docs/performance/perf-areas.py" "$OUT/perf.txt" 30
