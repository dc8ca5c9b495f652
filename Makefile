# zyzwfw: the online government service hall.
# `make start` and `make test` are all a new machine needs; see README.md.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
UV_VERSION ?= 0.13.9
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
UV_PIP := $(UV) pip --quiet
CONSTRAINTS := constraints.txt

HOST ?= 127.0.0.1
PORT ?= 8080
THREADS ?= 4
SITE_ID ?= zyzwfw
# filestorage (instance/var) or relstorage (PostgreSQL at DSN, see make cluster)
STORAGE ?= filestorage
DSN ?= dbname=zyzwfw user=zyzwfw host=127.0.0.1 port=5433
INSTANCES ?= 2
BACKUPS ?= var/backups
INSTANCE := instance
VAR := $(INSTANCE)/var
DATA := $(VAR)/filestorage/Data.fs
SITE_STAMP := $(VAR)/.site-$(SITE_ID)
ZOPE_CONF := $(INSTANCE)/etc/zope.conf
ZOPE_INI := $(INSTANCE)/etc/zope.ini

# zpretty runs in a tool environment of its own: with the lxml 6 that Plone
# pins it drops the namespace prefixes of ZCML and GenericSetup files.
ZPRETTY := $(UV) tool run --quiet --from zpretty==4.0.3 --with lxml==5.4.0 zpretty
ZCML_FILES = $$(find src -name '*.zcml')
XML_FILES = $$(find src -name '*.xml')

PACKAGE := src/zyzwfw
POT := $(PACKAGE)/locales/zyzwfw.pot
PO_ZH := $(PACKAGE)/locales/zh_CN/LC_MESSAGES/zyzwfw.po

export SITE_ID

.PHONY: help
help: ## Show the targets
	@grep -E '^[a-zA-Z_-]+:.*?## .*$$' $(MAKEFILE_LIST) \
	  | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-16s %s\n", $$1, $$2}'

# --- Installation ------------------------------------------------------------

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { \
	  echo "未找到 Python 3.11 ($(PYTHON))：请先安装 Python 3.11。"; \
	  echo "Python 3.11 ($(PYTHON)) was not found: install Python 3.11 first," \
	       "or name it with make start PYTHON=/path/to/python3.11"; \
	  exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || { \
	  echo "$(PYTHON) 不是 Python 3.11 / $(PYTHON) is not Python 3.11:" \
	       "$$($(PYTHON) --version 2>&1)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet "uv==$(UV_VERSION)"

$(VENV)/.installed: $(BIN)/python pyproject.toml $(CONSTRAINTS)
	$(UV_PIP) install --python $(BIN)/python -c $(CONSTRAINTS) -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(UV_PIP) install --python $(BIN)/python -c $(CONSTRAINTS) -e ".[test]"
	@touch $@

$(VENV)/.installed-relstorage: $(VENV)/.installed
	$(UV_PIP) install --python $(BIN)/python -c $(CONSTRAINTS) -e ".[relstorage]"
	@touch $@

$(VENV)/.installed-load: $(VENV)/.installed-relstorage
	$(UV_PIP) install --python $(BIN)/python -c $(CONSTRAINTS) -e ".[relstorage,load]"
	@touch $@

.PHONY: install
install: $(VENV)/.installed ## Install the hall into .venv

.PHONY: pins
pins: $(BIN)/python ## Regenerate constraints.txt and versions.cfg from pyproject.toml
	$(UV) pip compile --quiet --python-version 3.11 --all-extras \
	  --no-header --no-annotate -o $(CONSTRAINTS) pyproject.toml
	$(BIN)/python scripts/pins.py $(CONSTRAINTS) versions.cfg

# --- The instance and the site -----------------------------------------------

.PHONY: instance
instance: $(VENV)/.installed ## Write instance/etc from instance/templates
	@if [ "$(STORAGE)" = relstorage ]; then \
	  $(MAKE) --no-print-directory $(VENV)/.installed-relstorage; fi
	$(BIN)/python scripts/write_instance.py --host $(HOST) --port $(PORT) \
	  --threads $(THREADS) --site-id $(SITE_ID) --storage $(STORAGE) --dsn "$(DSN)"

.PHONY: create-site
create-site: instance ## Create the site (DELETE_EXISTING=1 creates it anew)
	@mkdir -p $(VAR)/cache
	$(BIN)/zconsole run $(ZOPE_CONF) scripts/create_site.py
	@touch $(SITE_STAMP)

.PHONY: site
site: instance
ifeq ($(STORAGE),relstorage)
	$(BIN)/python scripts/cluster.py postgres
	$(MAKE) --no-print-directory create-site
endif
	@if [ "$(STORAGE)" = filestorage ] && [ ! -f $(DATA) ] && [ -e $(SITE_STAMP) ]; then \
	  echo "数据文件 $(DATA) 不见了，但站点曾经建过：为免覆盖数据，未新建站点。"; \
	  echo "The database $(DATA) is missing although the site was created" \
	       "before; refusing to create an empty one over lost data."; \
	  echo "Restore the data, or run 'make create-site' to start afresh."; \
	  exit 1; fi
	@if [ "$(STORAGE)" = filestorage ] && \
	    { [ ! -f $(DATA) ] || [ ! -e $(SITE_STAMP) ]; }; then \
	  $(MAKE) --no-print-directory create-site; fi
	@if [ "$(origin ADMIN_PASSWORD)" = "environment" ] || \
	    [ "$(origin ADMIN_PASSWORD)" = "command line" ]; then \
	  ADMIN_PASSWORD="$(ADMIN_PASSWORD)" $(BIN)/zconsole run $(ZOPE_CONF) \
	    scripts/set_admin_password.py; fi

.PHONY: start
start: site ## Install on first use, create the site, serve it on PORT (8080)
	@$(BIN)/python scripts/check_port.py $(HOST) $(PORT)
	@echo ""
	@echo "  资阳市电子政务大厅  http://localhost:$(PORT)/"
	@echo "  管理员 administrator: admin（密码取自 ADMIN_PASSWORD，默认 admin）"
	@echo "  Stop with Ctrl+C."
	@echo ""
	$(BIN)/runwsgi $(ZOPE_INI)

# --- Cluster, backups, load ----------------------------------------------------

.PHONY: cluster
cluster: $(VENV)/.installed-relstorage ## PostgreSQL, INSTANCES instances, nginx and Varnish on PORT
	$(BIN)/python scripts/cluster.py start --instances $(INSTANCES) --port $(PORT) \
	  --threads $(THREADS)

.PHONY: cluster-stop
cluster-stop: ## Stop every process make cluster started
	$(BIN)/python scripts/cluster.py stop

.PHONY: convert
convert: $(VENV)/.installed-relstorage ## Copy instance/var's FileStorage into the cluster's PostgreSQL
	$(BIN)/python scripts/cluster.py convert --from $(VAR)

.PHONY: backup
backup: $(VENV)/.installed-relstorage ## Back up the data (STORAGE=filestorage|relstorage) into BACKUPS
	$(BIN)/python scripts/backup.py backup --storage $(STORAGE) --var $(VAR) \
	  --dsn "$(DSN)" --to $(BACKUPS)

.PHONY: restore
restore: $(VENV)/.installed-relstorage ## Restore the latest backup (DATE=YYYY-MM-DD-hh-mm-ss for an older one)
	$(BIN)/python scripts/backup.py restore --storage $(STORAGE) --var $(VAR) \
	  --dsn "$(DSN)" --to $(BACKUPS) $(if $(DATE),--date $(DATE))

.PHONY: load
load: $(VENV)/.installed-load ## Measure: FileStorage, the RelStorage cluster, Varnish, the static ceiling
	$(BIN)/python scripts/load.py $(LOAD_ARGS)

# --- Quality -----------------------------------------------------------------

.PHONY: test
test: $(VENV)/.installed-test ## Run the whole test suite
	$(BIN)/pytest $(PYTEST_ARGS)

.PHONY: lint
lint: $(VENV)/.installed-test ## Check code style (ruff, zpretty)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(ZPRETTY) -z --check $(ZCML_FILES)
	$(ZPRETTY) -x --check $(XML_FILES)

.PHONY: format
format: $(VENV)/.installed-test ## Format code (ruff, zpretty)
	$(BIN)/ruff check --fix src tests scripts
	$(BIN)/ruff format src tests scripts
	$(ZPRETTY) -z -i $(ZCML_FILES)
	$(ZPRETTY) -x -i $(XML_FILES)

.PHONY: i18n
i18n: $(VENV)/.installed-test ## Rebuild the pot file and sync the zh_CN catalogue
	$(BIN)/i18ndude rebuild-pot --pot $(POT) --create zyzwfw $(PACKAGE)
	$(BIN)/i18ndude sync --pot $(POT) $(PO_ZH)
	@$(BIN)/python scripts/untranslated.py $(PO_ZH)

.PHONY: clean
clean: ## Remove .venv and the written configuration (never the data)
	rm -rf $(VENV) $(INSTANCE)/etc
