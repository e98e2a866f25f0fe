#!/bin/bash
# Samples the hub's real CPU (perf, root) while it takes in a backlog with the APIs answering at once, and sums it up by
# area with perf-areas.py. Usage: docs/performance/perf-backlog.sh [incidents=400] [seconds=30] [out=/tmp/hub-perf]
# Build first: dotnet build bench/Hub.Benchmarks.Sync -c Release
set -e
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${3:-/tmp/hub-perf}; mkdir -p "$OUT"
cd "$ROOT"
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0   # JIT-ed frames named in /tmp/perf-PID.map
dotnet run -c Release --no-build --project bench/Hub.Benchmarks.Sync -- backlog --latency 0 --incidents "${1:-400}" > "$OUT/bench.txt" 2>&1 &
BENCH=$!
for _ in $(seq 1 600); do   # this checkout's hub only: other checkouts may run benchmarks at the same time
  PID=$(pgrep -f "^dotnet $ROOT/src/Hub/Hub.Host/bin/Release/net10.0/hub.dll run --config /tmp/hub-syncbench" | head -1 || true)
  [ -n "$PID" ] && break; sleep 0.5
done
DIR=$(dirname "$(tr '\0' ' ' < /proc/$PID/cmdline | awk '{print $5}')")
for _ in $(seq 1 600); do [ "$(ls "$DIR/mail/outbox" 2>/dev/null | wc -l)" -ge 10 ] && break; sleep 0.2; done  # the 10 warm-up work orders are out
perf record -F 999 -g -p "$PID" -o "$OUT/perf.data" -- sleep "${2:-30}"
wait $BENCH || true
perf script -i "$OUT/perf.data" -F comm,ip,sym,dso > "$OUT/perf.txt" 2>/dev/null
python3 "$ROOT/docs/performance/perf-areas.py" "$OUT/perf.txt" 30
