# Rhaglen: `make site` builds the site into site/, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

export NO_MKDOCS_2_WARNING := 1

.PHONY: site test check golden serve validate browser bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/rhaglen build -d site

serve: $(STAMP)
	$(BIN)/rhaglen serve

validate: $(STAMP)
	$(BIN)/rhaglen validate programmes

# Browser tests use Debian's chromium; install it where we may (root with apt-get).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's chromium for the browser tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      chromium >/dev/null; \
	  else \
	    echo "chromium not found and cannot be installed here: browser tests will be skipped"; \
	  fi; }

test: $(STAMP) browser
	$(BIN)/ruff check plugins tests
	$(BIN)/mypy
	$(BIN)/python -m pytest -n auto  # one worker a core: the builds and browsers run side by side

# The inner loop: ruff, mypy, the layers, and every test but the browsers and real builds.
check: $(STAMP)
	$(BIN)/ruff check plugins tests
	$(BIN)/mypy
	$(BIN)/python -m pytest -n auto -q -m "not build and not browser"

# Rewrite the golden pages after an intended change; then read `git diff tests/pages/__snapshots__`.
golden: $(STAMP)
	$(BIN)/python -m pytest -q tests/pages/test_golden_pages.py --snapshot-update

bench: $(STAMP)
	$(BIN)/python tests/bench/site_bench.py --preview  # all figures; Hugo compared if installed

clean:
	rm -rf site build .pytest_cache .mypy_cache .ruff_cache docs/programmes docs/lessons docs/schema
