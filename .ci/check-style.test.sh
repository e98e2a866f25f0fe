#!/usr/bin/env bash
# Proves that the build itself refuses banned APIs (RS0030, BannedSymbols.txt) and code-style violations (IDE0005),
# so neither can come back silently: a scratch project inside the repository (so it takes the repository's
# Directory.Build.props, Directory.Packages.props and .editorconfig) must fail on DateTime.UtcNow,
# GetAwaiter().GetResult(), .Result, Wait(), Thread.Sleep and an unused using, naming each rule, and build once they are gone. .ci/run runs it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "$root/.ci/style-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT
checks=0

fail() { echo "check-style.test.sh: FAILED: $*" >&2; exit 1; }

build() { # build <output file>: exit code in <output file>.rc
  set +e
  dotnet build "$work/StyleCheck.csproj" --nologo -v q -clp:NoSummary >"$1" 2>&1
  echo $? >"$1.rc"
  set -e
}

echo '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Library</OutputType></PropertyGroup></Project>' \
  >"$work/StyleCheck.csproj"

# 1. The clock, blocking on tasks, a sleeping thread and an unused using: the build fails and names each.
cat >"$work/Offender.cs" <<'CS'
using System.Text;

namespace StyleCheck;

public static class Offender
{
    public static DateTime Now() => DateTime.UtcNow;

    public static int Block(Task<int> task) => task.GetAwaiter().GetResult();

    public static DateTimeOffset LocalNow() => DateTimeOffset.Now;

    public static int Peek(Task<int> task) => task.Result;

    public static void Pause(Task task)
    {
        task.Wait();
        Thread.Sleep(10);
    }
}
CS
build "$work/bad.out"
[ "$(cat "$work/bad.out.rc")" != 0 ] || fail "the build passed on DateTime.UtcNow, GetResult() and an unused using"
for text in "Offender.cs(7,37): error RS0030: The symbol 'DateTime.UtcNow' is banned in this project: Take the time from an injected TimeProvider" \
            "Offender.cs(9,48): error RS0030: The symbol 'TaskAwaiter<TResult>.GetResult()' is banned" \
            "Offender.cs(11,48): error RS0030: The symbol 'DateTimeOffset.Now' is banned" \
            "Offender.cs(13,47): error RS0030: The symbol 'Task<TResult>.Result' is banned" \
            "Offender.cs(17,9): error RS0030: The symbol 'Task.Wait()' is banned" \
            "Offender.cs(18,9): error RS0030: The symbol 'Thread.Sleep(int)' is banned" \
            "Offender.cs(1,1): error IDE0005"; do
  grep -qF -- "$text" "$work/bad.out" || fail "'$text' is missing from the build output:"$'\n'"$(cat "$work/bad.out")"
  checks=$((checks + 1))
done

# 2. The same code through an injected TimeProvider and await (and a narrow, justified suppression) builds.
cat >"$work/Offender.cs" <<'CS'
namespace StyleCheck;

public static class Offender
{
    public static DateTimeOffset Now(TimeProvider time) => time.GetUtcNow();

    public static async Task<int> Wait(Task<int> task) => await task;

#pragma warning disable RS0030 // a completed task: the check proves a narrow suppression still builds
    public static int Completed() => Task.FromResult(1).Result;
#pragma warning restore RS0030
}
CS
build "$work/good.out"
[ "$(cat "$work/good.out.rc")" = 0 ] || fail "the fixed code did not build:"$'\n'"$(cat "$work/good.out")"
checks=$((checks + 1))

echo "check-style.test.sh: ok, $checks checks (the build refuses banned APIs and unused usings)"
