#!/usr/bin/env bash
# Known vulnerabilities in both Python lock files and the front-end lock.
#
# Fails on any finding except the ones listed in docs/beveiliging.md (Rasa 3.6 pins them; none
# is reachable from outside, see there). When the vulnerability services cannot be reached (a
# closed network: pip-audit needs PyPI's JSON API or OSV, npm audit the registry's advisory
# endpoint) the check says so plainly and does not pretend to have passed or failed.
set -uo pipefail
cd "$(dirname "$0")/.."
AUDIT=.venv-web/bin/pip-audit
# Rasa 3.6.21 pins TensorFlow 2.12 and Sanic 21.12: their advisories concern parsing that only
# the loopback-only Rasa server does; see docs/beveiliging.md before adding an id here.
IGNORE=$(grep -oE '^\| (PYSEC|GHSA|CVE)-[A-Za-z0-9-]+' docs/beveiliging.md 2>/dev/null | sed 's/^| /--ignore-vuln /' | tr '\n' ' ')
status=0
unreachable=0
for lock in requirements.lock requirements-web.lock; do
  out=$("$AUDIT" --progress-spinner off --no-deps --disable-pip -r "$lock" $IGNORE 2>&1)
  code=$?
  if echo "$out" | grep -q "could not be audited" && ! echo "$out" | grep -qE "^Found [0-9]+ known"; then
    n=$(echo "$out" | grep -c "could not be audited")
    echo "pip-audit $lock: de kwetsbaarhedendatabank is niet bereikbaar ($n pakketten niet gecontroleerd)."
    unreachable=1
  elif [ $code -ne 0 ]; then
    echo "$out"
    status=1
  else
    echo "pip-audit $lock: geen bekende kwetsbaarheden."
  fi
done
out=$(npm audit --audit-level=low --omit=optional 2>&1)
code=$?
if echo "$out" | grep -qE "audit endpoint returned an error|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|405 Method Not Allowed"; then
  echo "npm audit: het adviezen-eindpunt van de registry is niet bereikbaar."
  unreachable=1
elif [ $code -ne 0 ]; then
  echo "$out"
  status=1
else
  echo "npm audit: geen bekende kwetsbaarheden."
fi
if [ $unreachable -eq 1 ]; then
  echo "LET OP: niet alles kon gecontroleerd worden; draai 'make audit' op een machine met internet."
fi
exit $status
