#!/usr/bin/env python3
"""Sums up `perf script -F comm,ip,sym,dso` of the hub by area (first matching frame pattern in the stack; the tiered
compiler thread on its own) and lists the hub frames with their inclusive share. Usage: perf-areas.py perf.txt [top]
A frame perf cannot name (ReadyToRun code: the perf map names JIT-ed code only) is named by its image, e.g.
"[unknown] Hub.Engine.dll", so it still counts for its library; the "other" area is broken down by its leaf frame."""
import re, sys, collections
AREAS = [
    ("JIT tier-up (background compiler thread)", None),
    ("SQLite (native + Microsoft.Data.Sqlite)", r"Microsoft\.Data\.Sqlite|SQLitePCL|libe_sqlite3|sqlite3"),
    ("EF Core query per call (parameters, plan cache)", r"QueryCompiler|Query\.Internal\..*Translat|ExpressionTreeFuncletizer|QueryTranslation|ShapedQueryCompiling|RelationalCommandCache|CompiledQueryCache|QueryCompilationContext"),
    ("EF Core SaveChanges / change tracking", r"ChangeTracking|StateManager|InternalEntityEntry|SaveChanges|DetectChanges|Update\.Internal|ModificationCommand|Microsoft\.EntityFrameworkCore\.Update"),
    ("EF Core context / query execution", r"Microsoft\.EntityFrameworkCore"),
    ("JSON", r"System\.Text\.Json"),
    ("AutoMapper", r"AutoMapper"),
    ("Hashing / crypto", r"Cryptography|libcrypto|SHA256|HMAC"),
    ("Logging", r"Microsoft\.Extensions\.Logging"),
    ("MimeKit (work-order mails)", r"MimeKit"),
    ("HTTP client / Refit", r"System\.Net\.Http|Refit"),
    ("ASP.NET Core / Kestrel", r"Microsoft\.AspNetCore"),
    ("Quartz", r"Quartz"),
    ("Expression compile / reflection", r"System\.Linq\.Expressions|System\.Reflection|lambda_method"),
]
AREAS = [(n, re.compile(p) if p else None) for n, p in AREAS]
samples = []; cur = None
for line in open(sys.argv[1]):
    if not line.strip():
        if cur: samples.append(cur); cur = None
        continue
    if not line.startswith("\t") and not line.startswith(" "):
        cur = {"comm": line.strip().split("  ")[0].strip(), "frames": []}
    else:
        parts = line.strip().split(" ", 1)
        frame = parts[1] if len(parts) > 1 else parts[0]
        m = re.match(r"\[unknown\] \((.*)\)$", frame)
        if m: frame = "[unknown] " + m.group(1).rsplit("/", 1)[-1] + " (" + m.group(1) + ")"
        cur["frames"].append(frame)
if cur: samples.append(cur)
total = len(samples)
areas = collections.Counter(); hub = collections.Counter(); leaf = collections.Counter(); incl = collections.Counter()
other = collections.Counter()
def other_kind(frames):
    top = frames[0] if frames else "?"
    if "libclrjit" in top: return "JIT compiler (libclrjit, on the calling thread)"
    if re.search(r"WKS::|SVR::|gc_heap|GCHeap|libclrgc", top): return "GC"
    if "kernel.kallsyms" in top or "[kernel" in top: return "kernel (scheduler, syscalls, page faults)"
    if top.startswith("stub ") or " stub " in top: return "runtime stubs (virtual/interface dispatch, generic dictionary lookups)"
    if "libcoreclr" in top: return "runtime (libcoreclr: type loader, casting, allocation, locks)"
    if "System.Private.CoreLib" in top: return "CoreLib (async machinery, collections, strings)"
    if "libc" in top or "ld-linux" in top: return "libc"
    return "elsewhere: " + re.sub(r"^.*\(", "(", top)[-60:]
for s in samples:
    text = "\n".join(s["frames"])
    if "Tiered Com" in s["comm"]:
        areas[AREAS[0][0]] += 1; continue
    for n, rx in AREAS[1:]:
        if rx.search(text): areas[n] += 1; break
    else:
        areas["other (runtime, GC, async machinery, kernel)"] += 1
        other[other_kind(s["frames"])] += 1
    seen = set()
    for f in s["frames"]:
        name = re.sub(r"\s*\(.*$", "", f)
        name = re.sub(r"\[[A-Za-z0-9]*\]$", "", name)
        if name in seen: continue
        seen.add(name); incl[name] += 1
        if "Hub." in name and "Hub.Benchmarks" not in name and "AsyncStateMachineBox" not in name: hub[name] += 1
    leaf[re.sub(r"\s*\(.*$", "", s["frames"][0]) if s["frames"] else "?"] += 1
print(f"{total} samples")
for n, c in areas.most_common(): print(f"  {100*c/total:5.1f}%  {n}")
print("other, by leaf frame:")
for n, c in other.most_common(12): print(f"  {100*c/total:5.1f}%  {n}")
print("hub frames, inclusive:")
for n, c in hub.most_common(int(sys.argv[2]) if len(sys.argv) > 2 else 40): print(f"  {100*c/total:5.1f}%  {n[:170]}")
print("leaf:")
for n, c in leaf.most_common(20): print(f"  {100*c/total:5.1f}%  {n[:170]}")
