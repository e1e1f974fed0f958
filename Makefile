# One command sets up and runs the main job on samples/ (`make demo`), one runs the tests (`make test`).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup demo reports test grammar clean-venv

$(BIN)/auditor: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[all,test]'
	touch $(BIN)/auditor

setup: $(BIN)/auditor

# The main job: audit the bundled samples and (re)write their reports under reports/.
demo: setup reports
	$(BIN)/auditor check samples --exit-zero

reports: setup
	rm -rf reports/samples
	$(BIN)/auditor check samples --report-dir reports/samples --format json --exit-zero > reports/summary.json

# Grammar tests run a real LanguageTool server: fetch it from Maven Central first (a no-op once there).
# The suite runs on every core (pytest-xdist); each worker starts its own LanguageTool server.
test: setup
	$(BIN)/auditor grammar install
	$(BIN)/python -m pytest -q -n auto

clean-venv:
	rm -rf $(VENV)
