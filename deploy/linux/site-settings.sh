#!/usr/bin/env bash
# Writes the site's appsettings.json from the one the publish ships: the same settings, with the correlation log in the
# state folder /var/lib/hub. The service reads its configuration from /etc/hub, and relative paths are taken from the
# configuration's folder, which the service may not write. Used by install.sh and deploy/docker/Dockerfile.
#   site-settings.sh <published appsettings.json> <site appsettings.json>
set -euo pipefail
source=$1
target=$2
sed 's|"Data Source=hub.db"|"Data Source=/var/lib/hub/hub.db"|' "$source" > "$target"
if ! grep -q '"Data Source=/var/lib/hub/hub.db"' "$target"; then
  rm -f "$target"
  echo "site-settings.sh: $source has no \"Data Source=hub.db\" to point at /var/lib/hub; write the site's appsettings.json by hand" >&2
  exit 1
fi
