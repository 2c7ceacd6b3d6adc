# Wegwijzer — `make run` and `make test` do all set-up themselves.
# Rasa sends telemetry and error reports to its own servers unless told not to.
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2

VENV   := .venv
BIN    := $(VENV)/bin
RASA_DATA := --domain bot/domain.yml --data bot data/nlu --config config.yml

.PHONY: setup run test lint typecheck unit rasa-check eval-nlu nlu-snel lock clean

setup:
	@bash scripts/bootstrap.sh
	@$(BIN)/wegwijzer setup

run: setup
	@$(BIN)/wegwijzer serve

test: setup lint typecheck rasa-check
	$(BIN)/pytest

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
	$(BIN)/pip freeze --all --exclude-editable | grep -vE "^(wegwijzer|pip)==" > requirements.lock

clean:
	rm -rf var models .mypy_cache .ruff_cache .pytest_cache
