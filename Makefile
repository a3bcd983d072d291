# The README's two commands: `make serve` and `make test`.  Both install what they need.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install test lint typecheck check build serve bench schema clean chromium poppler nginx caddy deploy-recipes

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,print]'
	touch $(STAMP)

install: $(STAMP)

# Browser tests drive Debian's chromium: a test tool's own browser download fails here.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# Paper tests rasterise and read printed PDFs with poppler (pdftoppm, pdftotext, pdfinfo),
# and need one Chinese font: without it chromium prints tofu and the PDF text is unreadable.
poppler:
	@command -v pdftoppm >/dev/null 2>&1 && [ -n "$$(fc-list :lang=zh family 2>/dev/null)" ] || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    poppler-utils fonts-wqy-microhei >/dev/null; }

# The deploy tests run the generated nginx recipe for real: Debian's nginx with the module that
# sends the build's .br files, and the rsync and curl of deploy/rsync.sh and check-headers.sh.
# RUNLEVEL=1 keeps the package from starting a server on port 80.
nginx:
	@command -v nginx >/dev/null 2>&1 && command -v rsync >/dev/null 2>&1 && command -v curl >/dev/null 2>&1 \
	  && [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    nginx libnginx-mod-http-brotli-static rsync curl >/dev/null; }

# The deploy test runs deploy/Caddyfile too.
caddy:
	@command -v caddy >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    caddy >/dev/null; }

# deploy/ (nginx, Caddy, _headers) is generated from generator/deploy/policy.py.
deploy-recipes: $(STAMP)
	$(PY) -m generator.deploy

lint: $(STAMP)
	$(PY) -m ruff check generator tests benchmarks
	$(PY) -m ruff format --check generator tests benchmarks

typecheck: $(STAMP)
	$(PY) -m mypy

# Two workers (pytest-xdist): the browser tests spend most of their time waiting for
# chromium, so two of them share the two cores; tests reading one session's printed sheets
# or guide tours are kept in one worker (tests/conftest.py), so each is still made once.
test: $(STAMP) chromium poppler nginx caddy lint typecheck
	$(PY) -m pytest -n 2 --dist loadgroup

check: $(STAMP)
	$(PY) -m generator check catalogue

schema: $(STAMP)
	$(PY) -m generator schema

build: $(STAMP)
	$(PY) -m generator build --catalogue catalogue --out site

serve: $(STAMP)
	$(PY) -m generator serve --catalogue catalogue --host $(HOST) --port $(PORT)

bench: $(STAMP)
	$(PY) benchmarks/run.py

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
