#!/usr/bin/env bash
# Installs (or upgrades) the hub as a systemd service from a linux-x64 publish:
#   dotnet publish src/Hub/Hub.Host -p:PublishProfile=linux-x64
#   sudo deploy/linux/install.sh [publish folder]     # default: src/Hub/Hub.Host/bin/publish/linux-x64
# Creates the system user `hub`, puts the binary in /opt/hub, the site's configuration in /etc/hub (only when it is not
# there yet: an upgrade keeps the admin's appsettings.json, mappings, journal key and hub.env), installs and enables
# hub.service, and restarts the service when it was running. Safe to run again.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
publish=${1:-$here/../../src/Hub/Hub.Host/bin/publish/linux-x64}

if [ "$(id -u)" != 0 ]; then
  echo "install.sh: must run as root (sudo $0 ${1:-}): it creates the user hub, /opt/hub and /etc/hub and installs a systemd unit" >&2
  exit 1
fi
if [ ! -x "$publish/hub" ] || [ ! -f "$publish/appsettings.json" ] || [ ! -d "$publish/mappings" ]; then
  echo "install.sh: no published hub in $publish (hub, appsettings.json, mappings/); publish it first:" >&2
  echo "  dotnet publish src/Hub/Hub.Host -p:PublishProfile=linux-x64" >&2
  exit 1
fi
publish=$(cd "$publish" && pwd)

# The service's own account: no login, no home of its own beyond the state folder.
if ! getent passwd hub >/dev/null; then
  useradd --system --user-group --home-dir /var/lib/hub --no-create-home --shell /usr/sbin/nologin hub
  echo "install.sh: created the system user hub"
fi

# The binary, owned by root: the service cannot change what it runs. A new folder is moved into place, so a running
# hub keeps its open files until it is restarted below.
rm -rf /opt/hub.new /opt/hub.old
mkdir -p /opt/hub.new
cp -R "$publish/." /opt/hub.new/
chown -R root:root /opt/hub.new
chmod -R u=rwX,go=rX /opt/hub.new
chmod 0755 /opt/hub.new/hub
if [ -d /opt/hub ]; then mv /opt/hub /opt/hub.old; fi
mv /opt/hub.new /opt/hub
rm -rf /opt/hub.old
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
version=$(DOTNET_BUNDLE_EXTRACT_BASE_DIR=$scratch /opt/hub/hub --version 2>/dev/null || echo "the hub")
echo "install.sh: installed $version in /opt/hub"

# The site's configuration: readable by the service, writable by root only; its database in the state folder.
install -d -o root -g hub -m 0750 /etc/hub
if [ ! -e /etc/hub/appsettings.json ]; then
  "$here/site-settings.sh" "$publish/appsettings.json" /etc/hub/appsettings.json.new
  chown root:hub /etc/hub/appsettings.json.new
  chmod 0640 /etc/hub/appsettings.json.new
  mv /etc/hub/appsettings.json.new /etc/hub/appsettings.json
  echo "install.sh: wrote /etc/hub/appsettings.json (database /var/lib/hub/hub.db): fill in your systems"
else
  echo "install.sh: kept /etc/hub/appsettings.json"
fi
if [ ! -e /etc/hub/mappings ]; then
  cp -R "$publish/mappings" /etc/hub/mappings
  chown -R root:hub /etc/hub/mappings
  chmod -R u=rwX,g=rX,o= /etc/hub/mappings
  echo "install.sh: copied the example mappings to /etc/hub/mappings"
else
  echo "install.sh: kept /etc/hub/mappings"
fi

# Secrets, root only: systemd hands the key to the service as a credential and reads hub.env before dropping to hub.
if [ ! -e /etc/hub/journal.key ]; then
  (umask 077 && head -c 32 /dev/urandom | base64 > /etc/hub/journal.key)
  echo "install.sh: made a new journal key in /etc/hub/journal.key: back it up, away from the database"
fi
chown root:root /etc/hub/journal.key
chmod 0600 /etc/hub/journal.key
if [ ! -e /etc/hub/hub.env ]; then
  (umask 077 && cat > /etc/hub/hub.env <<'ENV'
# Secrets for the hub service as environment variables (one KEY=value a line), read by systemd as root.
# Hub__Systems__servicedesk__ApplicationPassword=
# Hub__Systems__facility__ClientSecret=
# Hub__Systems__contractor__Smtp__Password=
# Hub__Systems__contractor__Imap__Password=
# Hub__AutoMapper__LicenseKey=
ENV
  )
fi
chown root:root /etc/hub/hub.env
chmod 0600 /etc/hub/hub.env

install -m 0644 "$here/hub.service" /etc/systemd/system/hub.service
systemctl enable hub.service
if [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  if systemctl is-active --quiet hub.service; then
    systemctl restart hub.service
    echo "install.sh: restarted hub.service"
  else
    echo "install.sh: hub.service is enabled; start it with: systemctl start hub && journalctl -u hub -f"
  fi
else
  echo "install.sh: hub.service is enabled; systemd is not running here, so it starts at the next boot"
fi
