#!/usr/bin/env bash
# Debian's Chromium for the browser tests (Playwright cannot download its own browser here).
# Only `make test` calls this; `make run` never needs a browser.
set -euo pipefail
if [ -x "${WEGWIJZER_CHROMIUM:-/usr/bin/chromium}" ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "Chromium ontbreekt. Installeer het als root: apt-get update && apt-get install -y chromium" >&2
  exit 1
fi
echo "==> Chromium installeren (apt-get)"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
