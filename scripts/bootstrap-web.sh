#!/usr/bin/env bash
# The web app's venv (.venv-web, Python 3.12, requirements-web.lock) and the front-end build
# (npm ci from package-lock.json, then web/static/build/). Skips work already done.
set -euo pipefail
cd "$(dirname "$0")/.."

is_python312() {
  [ -n "$1" ] && [ -x "$1" ] && "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' >/dev/null 2>&1
}

find_python312() {
  local candidate root
  local candidates=()
  [ -n "${WEGWIJZER_WEB_PYTHON:-}" ] && candidates+=("$WEGWIJZER_WEB_PYTHON")
  candidates+=("$(command -v python3.12 2>/dev/null || true)")
  local roots=()
  if command -v pyenv >/dev/null 2>&1; then roots+=("$(pyenv root)"); fi
  roots+=("${PYENV_ROOT:-$HOME/.pyenv}")
  for root in "${roots[@]}"; do
    for candidate in "$root"/versions/3.12.*/bin/python3.12; do candidates+=("$candidate"); done
  done
  candidates+=(/usr/bin/python3.12 /usr/local/bin/python3.12)
  for candidate in "${candidates[@]}"; do
    if is_python312 "$candidate"; then echo "$candidate"; return 0; fi
  done
  return 1
}

stamp=.venv-web/.wegwijzer-install
want=$(sha256sum requirements-web.lock | cut -d' ' -f1)
if ! { [ -x .venv-web/bin/python ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; }; then
  if ! PY=$(find_python312); then
    cat >&2 <<'MSG'
Python 3.12 niet gevonden: de webapp draait in een eigen venv met Python 3.12.
Installeer het, bijvoorbeeld met 'pyenv install 3.12', of wijs het aan met
WEGWIJZER_WEB_PYTHON=/pad/naar/python3.12.
MSG
    exit 1
  fi
  if [ -x .venv-web/bin/python ] && ! is_python312 .venv-web/bin/python; then rm -rf .venv-web; fi
  [ -x .venv-web/bin/python ] || { echo "==> .venv-web aanmaken met $PY"; "$PY" -m venv .venv-web; }
  echo "==> Webapp: afhankelijkheden installeren uit requirements-web.lock"
  .venv-web/bin/python -m pip install --disable-pip-version-check --quiet -r requirements-web.lock
  echo "$want" > "$stamp"
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "npm niet gevonden: installeer Node.js 20 of nieuwer (met npm)." >&2
  exit 1
fi
npm_stamp=node_modules/.wegwijzer-install
npm_want=$(sha256sum package-lock.json | cut -d' ' -f1)
if ! { [ -f "$npm_stamp" ] && [ "$(cat "$npm_stamp")" = "$npm_want" ]; }; then
  echo "==> Front-end: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$npm_want" > "$npm_stamp"
fi

build_want=$( (cat package-lock.json; find web/widget web/medewerker web/static -path web/static/build -prune -o -type f -print | sort | xargs cat) | sha256sum | cut -d' ' -f1)
build_stamp=web/static/build/.bron
if ! { [ -f "$build_stamp" ] && [ "$(cat "$build_stamp")" = "$build_want" ]; }; then
  echo "==> Front-end bouwen (esbuild)"
  node web/widget/build.mjs
  echo "$build_want" > "$build_stamp"
fi
