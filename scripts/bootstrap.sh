#!/usr/bin/env bash
# Create .venv with Python 3.10 and install the locked dependencies; skips work already done.
set -euo pipefail
cd "$(dirname "$0")/.."

is_python310() {
  # A pyenv shim exists on PATH even when it cannot run: try it.
  [ -n "$1" ] && [ -x "$1" ] && "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' >/dev/null 2>&1
}

find_python310() {
  local candidate root
  local candidates=()
  [ -n "${WEGWIJZER_PYTHON:-}" ] && candidates+=("$WEGWIJZER_PYTHON")
  candidates+=("$(command -v python3.10 2>/dev/null || true)")
  local roots=()
  if command -v pyenv >/dev/null 2>&1; then roots+=("$(pyenv root)"); fi
  roots+=("${PYENV_ROOT:-$HOME/.pyenv}")
  for root in "${roots[@]}"; do
    for candidate in "$root"/versions/3.10.*/bin/python3.10; do candidates+=("$candidate"); done
  done
  candidates+=(/usr/bin/python3.10 /usr/local/bin/python3.10)
  for candidate in "${candidates[@]}"; do
    if is_python310 "$candidate"; then echo "$candidate"; return 0; fi
  done
  return 1
}

stamp_file=.venv/.wegwijzer-install
want_stamp=$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)

if [ -x .venv/bin/python ] && .venv/bin/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null \
   && [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$want_stamp" ]; then
  exit 0
fi

if ! PY=$(find_python310); then
  cat >&2 <<'MSG'
Python 3.10 niet gevonden. Rasa 3.6 werkt alleen met Python 3.10 (niet met 3.11).
Installeer Python 3.10, bijvoorbeeld met 'pyenv install 3.10.13', of wijs het aan met
WEGWIJZER_PYTHON=/pad/naar/python3.10.
Python 3.10 not found. Rasa 3.6 needs Python 3.10 (it refuses 3.11). Install it, e.g.
'pyenv install 3.10.13', or point WEGWIJZER_PYTHON at a python3.10 binary.
MSG
  exit 1
fi

if [ -x .venv/bin/python ] && ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; then
  echo "==> .venv gebruikt niet Python 3.10; opnieuw aanmaken"
  rm -rf .venv
fi
if [ ! -x .venv/bin/python ]; then
  echo "==> .venv aanmaken met $PY"
  "$PY" -m venv .venv
fi
echo "==> Afhankelijkheden installeren uit requirements.lock (eerste keer: enkele minuten)"
.venv/bin/python -m pip install --disable-pip-version-check --quiet --upgrade "pip==24.0"
.venv/bin/python -m pip install --disable-pip-version-check --progress-bar on -r requirements.lock
.venv/bin/python -m pip install --disable-pip-version-check --quiet --no-deps -e .
echo "$want_stamp" > "$stamp_file"
echo "==> Installatie klaar"
