# Developer entry points: each target is a one-liner over tests/tooling/plie.py
# (see README.md). Example: make i18n ADDONS="plie_base plie_esf"
PYTHON ?= python3
PLIE := $(PYTHON) tests/tooling/plie.py

.DEFAULT_GOAL := help
.PHONY: help run test lint i18n bench

help: ## List the commands
	@$(PLIE) --help

run: ## Install/update the addons with demo data, serve on http://localhost:8069
	$(PLIE) run

test: ## Fresh database, install the addons with their tests, then lint
	$(PLIE) test

lint: ## ruff (lint + format check) and pylint-odoo
	$(PLIE) lint

i18n: ## Export .pot files, update fr.po and list untranslated terms
	$(PLIE) i18n $(ADDONS)

bench: ## Performance benchmarks (tests/benchmarks) on a fresh database
	$(PLIE) bench
