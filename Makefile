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
	$(BIN)/auditor check samples --no-grammar --exit-zero

reports: setup
	rm -rf reports/samples
	$(BIN)/auditor check samples --no-grammar --report-dir reports/samples --format json --exit-zero > reports/summary.json

# Grammar tests run a real LanguageTool server: fetch it from Maven Central first (a no-op once there).
test: setup
	$(BIN)/auditor grammar install
	$(BIN)/python -m pytest -q

clean-venv:
	rm -rf $(VENV)
