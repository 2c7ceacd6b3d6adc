# Wegwijzer — `make run` and `make test` do all set-up themselves.
# Rasa sends telemetry and error reports to its own servers unless told not to.
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2

VENV   := .venv
BIN    := $(VENV)/bin
RASA_DATA := --domain bot/domain.yml --data bot data/nlu --config config.yml

.PHONY: setup run test lint typecheck unit unit-py312 rasa-check web-test audit eval-nlu nlu-snel lock clean

WEB := .venv-web/bin

setup:
	@bash scripts/bootstrap.sh
	@bash scripts/bootstrap-web.sh
	@$(BIN)/wegwijzer setup

run: setup
	@$(BIN)/wegwijzer serve

test: setup lint typecheck rasa-check unit-py312 audit
	$(BIN)/pytest
	$(MAKE) web-test

# The web app (its own venv, Python 3.12): HTTP tests, then Debian's Chromium through the real
# servers (keyboard only, crisis, demo page, Rasa restart, axe-core at 1280/320 px and 200 %).
web-test:
	@bash scripts/chromium.sh
	npm run --silent typecheck
	$(WEB)/mypy --python-version 3.12 --follow-imports=silent web benchmarks/loket_zoeken.py benchmarks/web_latentie.py
	$(WEB)/pytest -q -p no:cacheprovider web/tests

audit:
	@bash scripts/audit.sh

# The ground floor's unit tests once more on Python 3.12 with pydantic 2, in the web app's venv,
# which imports kern/ the same way (no Rasa there, so nothing can lean on it).
KERN_TESTS := tests/unit/test_settings.py tests/unit/test_gemeente.py tests/unit/test_kern.py
unit-py312:
	@bash scripts/bootstrap-web.sh
	$(WEB)/pytest -q -p no:cacheprovider $(KERN_TESTS)

lint:
	$(BIN)/ruff check .
	$(BIN)/lint-imports

typecheck:
	$(BIN)/mypy

rasa-check:
	$(BIN)/rasa data validate --fail-on-warnings $(RASA_DATA)
	$(BIN)/rasa test core --stories tests/gesprekken --model models/wegwijzer.tar.gz \
		--endpoints endpoints.yml --fail-on-prediction-errors --out var/rasa-test-core

eval-nlu: setup
	$(BIN)/python -m wegwijzer.eval_nlu

nlu-snel:  # seconds, not minutes: duplicates, crisis-label conflicts, a linear-model CV
	$(BIN)/python -m wegwijzer.nlu_snelcheck

lock:
	{ grep "^#" requirements.lock; $(BIN)/pip freeze --all --exclude-editable | grep -vE "^(wegwijzer|pip)=="; } > requirements.lock.nieuw && mv requirements.lock.nieuw requirements.lock
	{ echo "# Exact versions of the web app's venv (.venv-web, Python 3.12), installed by scripts/bootstrap-web.sh (regenerate: make lock)."; \
	  $(WEB)/pip freeze --all | grep -vE "^(pip|setuptools|wheel)=="; } > requirements-web.lock
	npm install --package-lock-only --no-audit --no-fund

clean:
	rm -rf var models .mypy_cache .ruff_cache .pytest_cache
