#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine that has only the .NET SDK:
# installs the real servers the tests talk to (when missing), checks the packages against known advisories, then
# runs dotnet test.
set -euo pipefail
cd "$(dirname "$0")"

need=()
# Real mail server for the e-mail adapter tests (Dovecot IMAP + LMTP, Postfix SMTP delivering into it).
command -v dovecot >/dev/null 2>&1 || need+=(dovecot-imapd)
[ -x /usr/lib/dovecot/lmtp ] || need+=(dovecot-lmtpd)
command -v postfix >/dev/null 2>&1 || [ -x /usr/sbin/postfix ] || need+=(postfix)
# PostgreSQL server binaries for the Postgres provider tests (tests/Hub.Testing.Engine/PostgresServer starts a private
# cluster; no system service is started here).
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
# Headless browser for the chain page tests (Hub.Host.Tests/Audit/ChainPageTests).
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# systemd-analyze checks the service unit offline (Hub.Deploy.Tests); nothing here boots or starts systemd.
command -v systemd-analyze >/dev/null 2>&1 || need+=(systemd)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    echo "postfix postfix/main_mailer_type select Local only" | debconf-set-selections
    echo "postfix postfix/mailname string hub.test" | debconf-set-selections
    # The PostgreSQL tests start a private cluster of their own: no default cluster, so no system service either.
    mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/hub-tests.conf
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "test.sh: missing ${need[*]}; run as root or install them with apt-get" >&2
    exit 1
  fi
fi

# PowerShell parses the Windows service scripts (Hub.Deploy.Tests); Debian has no package of it, NuGet has the tool.
[ -x .tools/pwsh ] || dotnet tool install --tool-path .tools PowerShell --version 7.6.10 >/dev/null \
  || echo "test.sh: could not install PowerShell; the Windows script parse tests are skipped" >&2

# No known-vulnerable package: the package source here serves no vulnerability data, so the resolved versions are also
# compared with the advisories in .ci/advisories.json (fails naming the package and the advisory).
.ci/check-packages.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Hub.sln --nologo "$@" 2>&1 | tee "$log" || status=$?   # pipefail: dotnet's own exit code

# The failed tests again at the very end, each with the start of its message (lines cut at 300 characters): a failure's
# own output (a hub's log) can run to thousands of lines, and whoever reads only the tail should still see what failed
# and why (a wait that ran out puts what it waited for, the state it found and the hubs' last lines in its message).
failed=$(awk '
  /^  Failed [^ ]+ \[/ { print; grab = 1; n = 0; next }
  grab && /^  (Stack Trace|Standard Output Messages):/ { grab = 0 }
  grab && n < 80 { print "    " substr($0, 1, 300); n++ }
' "$log")
if [ -n "$failed" ]; then
  echo "failed tests:"
  echo "$failed"
fi

# One closing line over all test projects: "tests: N passed, N failed".
sum() { grep -oE "$1: +[0-9]+" "$log" | awk '{ n += $2 } END { print n + 0 }'; }
echo "tests: $(sum Passed) passed, $(sum Failed) failed"
exit "$status"
