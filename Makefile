# The explainer's commands. `make serve` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint clean

# The virtual environment is rebuilt whenever the pinned requirements change.
# Where python3-venv is missing (a fresh Debian), scripts/bootstrap_venv.py brings pip from PyPI.
$(BIN)/mkdocs: requirements.txt
	$(PYTHON) -m venv $(VENV) 2>/dev/null || $(PYTHON) scripts/bootstrap_venv.py $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

serve: $(BIN)/mkdocs
	$(BIN)/mkdocs serve --livereload

# Strict: any warning fails the build, and a failed build leaves site/ as it was.
build: $(BIN)/mkdocs
	$(BIN)/mkdocs build --strict

# The browser tests' checkers from npm (axe-core's axe.min.js, vnu-jar's vnu.jar), pinned by package-lock.json.
# --ignore-scripts: vnu-jar's install script would download a Java runtime; Debian's Java is used instead.
# Without npm the browser tests that need them skip (and fail in CI, where .ci/run installs npm).
NODE_MODULES := $(if $(shell command -v npm),node_modules/.package-lock.json)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

test: $(BIN)/mkdocs $(NODE_MODULES)
	$(BIN)/ruff check hooks tests scripts
	$(BIN)/python -m pytest

lint: $(BIN)/mkdocs
	$(BIN)/ruff check hooks tests scripts

clean:
	rm -rf site .cache
