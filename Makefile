# The explainer's commands. `make serve` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PROPERDOCS_VENV := .venv-properdocs
PROPERDOCS := $(PROPERDOCS_VENV)/bin/properdocs
ZENSICAL_VENV := .venv-zensical
ZENSICAL := $(ZENSICAL_VENV)/bin/zensical
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint clean schema stale bench bench-evidence bench-preview-seeds bench-scale basemap check-sources mutation messages

# The virtual environment is rebuilt whenever the pinned requirements or the package's metadata change.
# Where python3-venv is missing (a fresh Debian), scripts/bootstrap_venv.py brings pip from PyPI.
# The generator (hooks/mkdocs_explainer/) is installed editable, so `plugins: [explainer]` and the `explainer`
# command work too; this site itself loads it through hooks/facts.py.
# (wildcard: the tests' copies of the project, which `make build` there, hold no pyproject.toml)
$(BIN)/mkdocs: requirements.txt $(wildcard pyproject.toml)
	$(PYTHON) -m venv $(VENV) 2>/dev/null || $(PYTHON) scripts/bootstrap_venv.py $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# --dirty: a save rebuilds only the pages it changes (mkdocs_explainer/preview.py; tests/test_preview_dirty.py).
# `make serve EDITION=ko` previews the Korean edition (mkdocs.ko.yml) instead: one language at a time stays fast.
EDITION ?=
serve: $(BIN)/mkdocs
	$(BIN)/mkdocs serve --livereload --dirty -f $(if $(EDITION),mkdocs.$(EDITION).yml,mkdocs.yml)

# Strict: any warning fails the build, and a failed build leaves site/ as it was.
# Every language edition (mkdocs.<lang>.yml, each into its root such as site/ko/) first, then the English site,
# which keeps them in place when it swaps in its new site/.
EDITIONS := $(wildcard mkdocs.*.yml)
build: $(BIN)/mkdocs
	for config in $(EDITIONS) mkdocs.yml; do $(BIN)/mkdocs build --strict -f $$config || exit 1; done

# The browser tests' checkers from npm (axe-core's axe.min.js, vnu-jar's vnu.jar, Lighthouse), pinned by package-lock.json.
# --ignore-scripts: vnu-jar's install script would download a Java runtime; Debian's Java is used instead.
# Without npm the browser tests that need them skip (and fail in CI, where .ci/run installs npm).
NODE_MODULES := $(if $(shell command -v npm),node_modules/.package-lock.json)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

test: $(BIN)/mkdocs $(PROPERDOCS) $(ZENSICAL) $(NODE_MODULES)
	$(BIN)/ruff check hooks tests scripts benchmarks
	PYTHONPATH=hooks $(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python -m pytest -n auto --dist loadgroup

# ruff, import-linter's layer contracts (pyproject.toml: adapter -> outputs -> pages -> data, never upwards),
# and mypy --strict on the package.
lint: $(BIN)/mkdocs
	$(BIN)/ruff check hooks tests scripts benchmarks
	PYTHONPATH=hooks $(BIN)/lint-imports
	$(BIN)/mypy

# The evidence checks on excerpts up to 2 MB (linear growth); writes benchmarks/EVIDENCE.md.
bench-evidence: $(BIN)/mkdocs
	$(BIN)/python benchmarks/evidence.py --write

# Build-time benchmark against plain Material and mkdocs-macros; writes benchmarks/RESULTS.md.
# BENCH_ARGS=--quick for a smoke run of a few minutes; BENCH_ARGS=--perf for issue 19's figures alone (every page on
# a phone, the hooks' overhead on this site, preview at 500 pages, cold builds at 10,000 facts) into benchmarks/PERF.md.
bench: $(BIN)/mkdocs
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

# The random-edit preview test over SEEDS seeds in a row (from FIRST), each replayable by its seed; writes
# benchmarks/PREVIEW-SEEDS.md. About a minute a seed: not part of `make test`.
SEEDS ?= 200
FIRST ?= 1
bench-preview-seeds: $(BIN)/mkdocs
	$(BIN)/python benchmarks/preview_seeds.py --seeds $(SEEDS) --first $(FIRST)

# Peak memory and time of cold builds at 10,000, 20,000 and 100,000 facts against the size of what they write;
# writes benchmarks/SCALE.md (FACTS="10000 20000" for fewer).
FACTS ?= 10000 20000 100000
bench-scale: $(BIN)/mkdocs
	$(BIN)/python benchmarks/scale.py --facts $(FACTS)

# Mutation testing (mutmut) over the package's data/, pages/ and outputs/: prints the score and the survivors and
# writes benchmarks/MUTATION.md. Not part of `make test` (a full run takes hours on 2 cores). A scope, with the tests
# listed for it in scripts/mutation.py: make mutation MODULES="data/evidence.py outputs/safecsv.py"; a seeded
# random share of each module's mutants: MUTATION_ARGS="--sample 0.12"; survivors again after new tests: "--retest"
# (in the run's working copy) or "--recheck" (the open survivors on record, in a fresh copy, matched by change)
mutation: $(BIN)/mkdocs
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python scripts/mutation.py $(if $(MODULES),--only $(MODULES)) $(MUTATION_ARGS)

clean:
	rm -rf site .cache

# data/schema.json, the JSON Schema editors' YAML tools read, regenerated from the pydantic models.
schema: $(BIN)/mkdocs
	$(BIN)/explainer schema .

# Facts, quotes and events not reviewed within extra.explainer.stale_after_days (mkdocs.yml); exits 1 if any.
stale: $(BIN)/mkdocs
	PYTHONPATH=hooks $(BIN)/python -m mkdocs_explainer.outputs.stale

# Link rot: visits every source URL and archived copy in data/ (needs the internet, so never part of `make test`).
# Exits 1 on a dead link, a redirect to another site or port, a page whose title changed, or no complete answer
# within --deadline seconds. Private and loopback addresses are refused (--allow-private). CHECK_ARGS=--timeout 30 ...
check-sources: $(BIN)/mkdocs
	PYTHONPATH=hooks $(BIN)/python -m mkdocs_explainer.outputs.linkcheck $(CHECK_ARGS)

# ProperDocs (the maintained MkDocs 1.x continuation) in its own environment: a test builds the site with it.
# The generator is installed editable, as in .venv: mkdocs.yml names its Markdown extension, which is
# loaded while the settings are read, before hooks/ is on the import path.
$(PROPERDOCS): requirements.txt requirements-properdocs.txt $(wildcard pyproject.toml)
	$(PYTHON) -m venv $(PROPERDOCS_VENV) 2>/dev/null || $(PYTHON) scripts/bootstrap_venv.py $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(PROPERDOCS_VENV)/bin/python -m pip install --quiet -r requirements.txt -r requirements-properdocs.txt
	$(PROPERDOCS_VENV)/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# The maps' country outlines, data/basemap.json, from npm's world-atlas (Natural Earth, pinned in
# package.json). Only this needs npm: the build reads the committed file.
basemap: $(BIN)/mkdocs node_modules/.package-lock.json
	$(BIN)/python scripts/make_basemap.py

# Zensical (runs Markdown extensions, no plugins or hooks) in its own environment: a test builds the site with it
# (`.venv-zensical/bin/zensical build`, then `.venv/bin/explainer export site`).
$(ZENSICAL): requirements.txt requirements-zensical.txt $(wildcard pyproject.toml)
	$(PYTHON) -m venv $(ZENSICAL_VENV) 2>/dev/null || $(PYTHON) scripts/bootstrap_venv.py $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet -r requirements.txt -r requirements-zensical.txt
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# The generator's message catalogues: every message of its code and templates extracted with Babel into
# hooks/mkdocs_explainer/i18n/locales/explainer.pot and merged into each language's .po for translators.
messages: $(BIN)/mkdocs
	PYTHONPATH=hooks $(BIN)/python -m mkdocs_explainer.i18n.messages
