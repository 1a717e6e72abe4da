# Developer entry points (see README.md). Example: make i18n ADDONS="plie_base plie_esf"
PYTHON ?= python3
PLIE := $(PYTHON) tests/tooling/plie.py

.DEFAULT_GOAL := help
.PHONY: help run test test-db lint i18n bench load

help: ## List the commands
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

run: ## Install/update the addons with demo data, serve on http://localhost:8069
	$(PLIE) run

test: ## Test database, every test (pytest-odoo, coverage), Odoo's log, pre-commit hooks
	$(PLIE) test

test-db: ## Only build the test database that pytest then reuses
	$(PLIE) test-db

lint: ## The pre-commit hooks: ruff, pylint-odoo, OCA's module and .po checks
	$(PYTHON) -m pre_commit run --all-files

i18n: ## Export .pot files, update fr.po and list untranslated terms
	$(PLIE) i18n $(ADDONS)

load: ## Load test: 8 XML-RPC clients for 2 minutes on a multi-worker server
	$(PLIE) load

bench: ## Benchmarks on generated data (tests/benchmarks), results in results.md
	$(PLIE) bench
