#!/usr/bin/env bash
# Proves that .ci/check-packages.sh fails on a known-vulnerable package and names the advisory, and passes on the
# fixed version: real scratch projects (outside the repository) pin versions from the package source and go through
# the whole script; made-up listings check the range edges and the --vulnerable path. .ci/run runs it before the tests.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
checks=0

fail() { echo "check-packages.test.sh: FAILED: $*" >&2; exit 1; }

# expect <exit code> <output file> <text that must appear>... ; '!text' must not appear
expect() {
  local want=$1 file=$2 got; shift 2
  got=$(cat "$file.rc")
  [ "$got" = "$want" ] || fail "exit $got, expected $want; output:"$'\n'"$(cat "$file")"
  for text in "$@"; do
    if [ "${text:0:1}" = "!" ]; then
      ! grep -qF -- "${text:1}" "$file" || fail "'${text:1}' should not be in:"$'\n'"$(cat "$file")"
    else
      grep -qF -- "$text" "$file" || fail "'$text' is missing from:"$'\n'"$(cat "$file")"
    fi
  done
  checks=$((checks + 1))
}

run() { local out=$1; shift; set +e; "$@" >"$out" 2>&1; echo $? >"$out.rc"; set -e; }

project() { # project <folder> <package> <version> ...
  local dir="$work/$1"; shift
  mkdir -p "$dir"
  {
    echo '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup><ItemGroup>'
    while [ $# -gt 0 ]; do echo "<PackageReference Include=\"$1\" Version=\"$2\" />"; shift 2; done
    echo '</ItemGroup></Project>'
  } >"$dir/scratch.csproj"
  echo "$dir/scratch.csproj"
}

# 1. A real pin of the native SQLite EF Core brings by itself, and an old Json.NET: refused, each with its advisory.
vulnerable=$(project vulnerable SQLitePCLRaw.lib.e_sqlite3 2.1.11 Newtonsoft.Json 12.0.3)
run "$work/vulnerable.out" "$root/.ci/check-packages.sh" "$vulnerable"
expect 1 "$work/vulnerable.out" \
  "SQLitePCLRaw.lib.e_sqlite3 2.1.11 is known to be vulnerable: CVE-2025-6965 / GHSA-2m69-gcr7-jv3q" \
  "Newtonsoft.Json 12.0.3 is known to be vulnerable: CVE-2024-21907 / GHSA-5crp-9r3c-p9vr"

# 2. The fixed versions of the same packages pass.
fixed=$(project fixed SQLitePCLRaw.lib.e_sqlite3 2.1.12 Newtonsoft.Json 13.0.1)
run "$work/fixed.out" "$root/.ci/check-packages.sh" "$fixed"
expect 0 "$work/fixed.out" "none vulnerable" "!is known to be vulnerable"

# 3. Range edges, on a made-up listing: the last vulnerable and the first fixed version of each line.
listing() { # listing <file> <id> <version> ...
  local file=$1 first=1; shift
  { echo '{"version":1,"projects":[{"path":"/x/Edges.csproj","frameworks":[{"framework":"net10.0","transitivePackages":['
    while [ $# -gt 0 ]; do
      [ $first = 1 ] || echo ','
      first=0
      echo "{\"id\":\"$1\",\"resolvedVersion\":\"$2\"}"
      shift 2
    done
    echo ']}]}]}'; } >"$file"
}
listing "$work/edges.json" \
  Npgsql 8.0.2 Npgsql 8.0.3 Npgsql 7.0.6 Npgsql 7.0.7 Npgsql 4.0.13 Npgsql 4.0.14 Npgsql 4.1.0 Npgsql 10.0.3 \
  System.IdentityModel.Tokens.Jwt 7.0.0-preview5 System.IdentityModel.Tokens.Jwt 6.33.0 System.IdentityModel.Tokens.Jwt 6.34.0 \
  System.IdentityModel.Tokens.Jwt 6.4.0 MimeKit 2.15.0 MimeKit 4.15.0 MimeKit 4.15.1 \
  SQLitePCLRaw.lib.e_sqlite3 2.1.11 SQLitePCLRaw.lib.e_sqlite3 3.53.3
run "$work/edges.out" dotnet run --file "$root/.ci/PackageAdvisories.cs" -- "$root/.ci/advisories.json" "$work/edges.json"
expect 1 "$work/edges.out" \
  "Npgsql 8.0.2 is known" "Npgsql 7.0.6 is known" "Npgsql 4.0.13 is known" "Npgsql 4.1.0 is known" \
  "!Npgsql 8.0.3 is known" "!Npgsql 7.0.7 is known" "!Npgsql 4.0.14 is known" "!Npgsql 10.0.3 is known" \
  "System.IdentityModel.Tokens.Jwt 7.0.0-preview5 is known" "System.IdentityModel.Tokens.Jwt 6.33.0 is known" \
  "!System.IdentityModel.Tokens.Jwt 6.34.0 is known" "!System.IdentityModel.Tokens.Jwt 6.4.0 is known" \
  "MimeKit 2.15.0 is known to be vulnerable: GHSA-g7hc-96xr-gvvx" "!MimeKit 2.15.0 is known to be vulnerable: GHSA-gmc6" \
  "MimeKit 4.15.0 is known" "!MimeKit 4.15.1 is known" \
  "SQLitePCLRaw.lib.e_sqlite3 2.1.11 is known" "!SQLitePCLRaw.lib.e_sqlite3 3.53.3 is known"

# 4. Whatever `dotnet list package --vulnerable` reports fails too (a source that has the data).
listing "$work/safe.json" Newtonsoft.Json 13.0.3
cat >"$work/reported.json" <<'JSON'
{"version":1,"projects":[{"path":"/x/Reported.csproj","frameworks":[{"framework":"net10.0","topLevelPackages":[
{"id":"Some.Package","requestedVersion":"1.0.0","resolvedVersion":"1.0.0","vulnerabilities":[{"severity":"High","advisoryurl":"https://github.com/advisories/GHSA-xxxx-xxxx-xxxx"}]}]}]}]}
JSON
run "$work/reported.out" dotnet run --file "$root/.ci/PackageAdvisories.cs" -- "$root/.ci/advisories.json" "$work/safe.json" "$work/reported.json"
expect 1 "$work/reported.out" "Some.Package 1.0.0 is reported vulnerable by the package source: High https://github.com/advisories/GHSA-xxxx-xxxx-xxxx; in Reported (net10.0)"

# 5. A broken advisory list stops the check instead of passing silently.
echo '{"advisories":[{"package":"Npgsql","vulnerable":["before 8.0.3"],"fixed":"8.0.3","ids":["CVE-2024-32655"],"summary":"x"}]}' >"$work/broken.json"
run "$work/broken.out" dotnet run --file "$root/.ci/PackageAdvisories.cs" -- "$work/broken.json" "$work/safe.json"
expect 2 "$work/broken.out" "Npgsql: 'before 8.0.3' is not a range"

echo "check-packages.test.sh: ok, $checks checks (the package check fails on a vulnerable pin and names the advisory)"
