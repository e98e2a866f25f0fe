#!/bin/bash
# Counts what the hub asks of SQLite per complaint while it takes in a backlog with the APIs answering at once: statements
# (sqlite3_prepare_v2, grouped by their first words), sqlite3_step calls, native connections opened (sqlite3_open_v2) and
# connection openings. Microsoft.Data.Sqlite registers EF Core's collation on a native connection at every opening and
# removes it at every closing (sqlite3_create_collation, twice per opening), so that call counts openings whether or not
# pragmas run on them; a build that registers no collation (branch perf-sqlite, sqlite-level.md) makes no native call
# when it opens, and its openings read "not visible" (the tests' ConnectionOpenings still count them). uprobes on the
# libe_sqlite3.so beside the hub, recorded for the hub's process only, from the end of
# the 10 warm-up complaints to the hub's exit (root; perf). Usage: docs/performance/count-openings.sh [incidents=400] [out]
# Build first: dotnet build bench/Hub.Benchmarks.Sync -c Release. The hub counted is the shipped build, or HUB_DLL.
# STACKS=1: instead, records the openings with their call stacks and names the hub method each came from (run it with
# DOTNET_ReadyToRun=0 so every frame is JIT-ed and named in the perf map).
set -e
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
INCIDENTS=${1:-400}
OUT=${2:-/tmp/hub-openings}; mkdir -p "$OUT"
cd "$ROOT"
DLL=${HUB_DLL:-$ROOT/bench/Hub.Benchmarks.Sync/bin/shipped-hub/hub/hub.dll}
LIB=$(dirname "$DLL")/libe_sqlite3.so
[ -f "$LIB" ] || { echo "no SQLite library at $LIB: publish the hub first or set HUB_DLL" >&2; exit 1; }
GROUP=hubopens$$   # a group of this run's own: other runs may probe the same library
perf probe -q -x "$LIB" -a "$GROUP:prep=sqlite3_prepare_v2 sql=+0(%si):string"
perf probe -q -x "$LIB" -a "$GROUP:step=sqlite3_step"
perf probe -q -x "$LIB" -a "$GROUP:native=sqlite3_open_v2"
perf probe -q -x "$LIB" -a "$GROUP:collation=sqlite3_create_collation"
trap 'perf probe -q -d "$GROUP:*" || true' EXIT
export HUB_DLL=$DLL
[ -n "$STACKS" ] && export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0   # JIT-ed frames named in /tmp/perf-PID.map
setsid dotnet run -c Release --no-build --project bench/Hub.Benchmarks.Sync -- backlog --latency 0 --incidents "$INCIDENTS" > "$OUT/bench.txt" 2>&1 &
BENCH=$!
for _ in $(seq 1 600); do   # this checkout's hub only
  PID=$(pgrep -f "^dotnet $DLL run --config /tmp/hub-syncbench" | head -1 || true)
  [ -n "$PID" ] && break; sleep 0.5
done
DIR=$(dirname "$(tr '\0' ' ' < /proc/$PID/cmdline | awk '{print $5}')")
for _ in $(seq 1 600); do [ "$(ls "$DIR/mail/outbox" 2>/dev/null | wc -l)" -ge 10 ] && break; sleep 0.2; done
echo "hub $DLL pid $PID; .NET File Watch threads: $(grep -lx '.NET File Watch' /proc/$PID/task/*/comm 2>/dev/null | wc -l); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/load.txt"
if [ -n "$STACKS" ]; then
  perf record -q -g -e "$GROUP:collation" -p "$PID" -o "$OUT/stacks.data" -- sleep 900 || true
  wait $BENCH || true
  perf script -i "$OUT/stacks.data" -F ip,sym > "$OUT/stacks.txt" 2>/dev/null
  python3 - "$OUT/stacks.txt" "$INCIDENTS" <<'EOF'
import collections, re, sys
# One stack per event, frames innermost first, a blank line between stacks. An opening's stack goes through
# SqliteConnection.Open (a closing's through Deactivate); it is named by the innermost frame of the hub's own code.
openers, stack = collections.Counter(), []
def done():
    frames = [re.sub(r"^\s*[0-9a-f]+\s+", "", f).strip() for f in stack]
    if any("SqliteConnection::Open" in f or "SqliteConnection.Open" in f for f in frames):
        hub = next((f for f in frames if re.search(r"\] Hub\.", f)), "(no hub frame)")
        openers[re.sub(r"^.*?\] |\(.*", "", hub).strip()] += 1
for line in open(sys.argv[1], errors="replace"):
    if line.strip():
        stack.append(line)
    else:
        done(); stack = []
done()
n = int(sys.argv[2])
print(f"openings per complaint ({n}) by the hub method they came from: {sum(openers.values()) / n:.2f} in all")
for key, count in openers.most_common(30):
    print(f"  {count / n:6.2f}  {key}")
EOF
  exit 0
fi
perf record -q -e "$GROUP:prep" -e "$GROUP:step" -e "$GROUP:native" -e "$GROUP:collation" -p "$PID" -o "$OUT/probes.data" -- sleep 900 || true
wait $BENCH || true
perf script -i "$OUT/probes.data" -F event,trace > "$OUT/probes.txt" 2>/dev/null
python3 - "$OUT/probes.txt" "$INCIDENTS" <<'EOF'
import collections, re, sys
counts, statements, sql = collections.Counter(), collections.Counter(), None

def kind(text):
    """What a statement does, to which table: PRAGMA busy_timeout, SELECT journal, INSERT outbox, BEGIN ..."""
    words = text.replace('"', " ").replace(";", " ").split()
    if not words:
        return "(nothing: the empty rest of a command, prepared and found empty)"
    verb = words[0].upper()
    if verb == "PRAGMA":
        return "PRAGMA " + words[1].split("=")[0]
    after = {"SELECT": "FROM", "INSERT": "INTO", "DELETE": "FROM", "UPDATE": "UPDATE"}.get(verb)
    if after:
        upper = [w.upper() for w in words]
        table = words[upper.index(after) + 1] if after in upper[:-1] else "?"
        return f"{verb} {table}"
    return " ".join(words[:2]).upper() if verb in ("RELEASE", "SAVEPOINT") else verb

def done():
    if sql is not None:
        statements[kind(sql)] += 1

for line in open(sys.argv[1], errors="replace"):
    parts = line.strip().split(":")
    event = parts[1] if len(parts) > 2 and parts[0].startswith("hubopens") else None
    if event is None:
        if sql is not None:
            sql += " " + line   # the rest of a statement that spans lines
        continue
    done()
    sql = None
    counts[event] += 1
    if event == "prep":
        found = re.search(r'sql="(.*)', line)
        sql = found.group(1).rstrip().rstrip('"') if found else ""
done()
n = int(sys.argv[2])
empty = sum(c for k, c in statements.items() if k.startswith("(nothing"))
openings = f"{counts['collation'] / 2 / n:.2f}" if counts["collation"] else "not visible"
print(f"per complaint ({n}): statements {(counts['prep'] - empty) / n:.1f} (and {empty / n:.1f} empty rests), "
      f"steps {counts['step'] / n:.1f}, openings {openings}, native connections opened {counts['native']} in all")
for key, count in statements.most_common(40):
    print(f"  {count / n:7.2f}  {key}")
EOF
