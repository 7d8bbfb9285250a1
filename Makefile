# The explainer's commands. `make serve` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint clean bench

# The virtual environment is rebuilt whenever the pinned requirements change.
$(BIN)/mkdocs: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

serve: $(BIN)/mkdocs
	$(BIN)/mkdocs serve --livereload

# Strict: any warning fails the build, and a failed build leaves site/ as it was.
build: $(BIN)/mkdocs
	$(BIN)/mkdocs build --strict

test: $(BIN)/mkdocs
	$(BIN)/ruff check hooks tests
	$(BIN)/python -m pytest

lint: $(BIN)/mkdocs
	$(BIN)/ruff check hooks tests

# Build-time benchmark against plain Material and mkdocs-macros; writes benchmarks/RESULTS.md.
# BENCH_ARGS=--quick for a one-minute smoke run.
bench: $(BIN)/mkdocs
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

clean:
	rm -rf site .cache
