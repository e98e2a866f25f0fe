#!/usr/bin/env bash
# Fails when a package the build resolves is known to be vulnerable, naming the package and the advisory:
#  1. `dotnet list package --vulnerable --include-transitive`: whatever the package source knows (ours knows nothing,
#     so on our machines this alone would always pass);
#  2. every resolved version (top-level and transitive, every project) against .ci/advisories.json.
# Usage: .ci/check-packages.sh [solution or project, default Hub.sln] (ADVISORIES=file overrides the list).
# test.sh runs it before the tests; .ci/check-packages.test.sh proves it fails on a vulnerable pin.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:-$root/Hub.sln}"
advisories="${ADVISORIES:-$root/.ci/advisories.json}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Restore first, so the listings below are JSON only (and a restore failure says so by itself).
dotnet restore "$target" --verbosity quiet --nologo >"$work/restore.log" 2>&1 || { cat "$work/restore.log" >&2; exit 2; }
dotnet list "$target" package --vulnerable --include-transitive --format json >"$work/vulnerable.json"
dotnet list "$target" package --include-transitive --format json >"$work/resolved.json"
dotnet run --file "$root/.ci/PackageAdvisories.cs" -- "$advisories" "$work/resolved.json" "$work/vulnerable.json"
