# The README's commands. Every target makes its own virtual environment in .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test bench lint venv system-deps clean demo

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

venv: system-deps $(STAMP)

system-deps:
	@sh scripts/ensure-system-deps.sh

# Starts the app on the user's own database; the first time, creates it encrypted with 2,000 demo
# families and the administrator "admin" whose password is DEMO_PASSWORD (synthetic data only).
DEMO_PASSWORD ?= simoncer-demo
run: venv
	SIMONCER_PASSWORD='$(DEMO_PASSWORD)' $(BIN)/simoncer-cli demo-data --families 2000 --seed 1 --if-new
	@echo "Masuk sebagai 'admin'; kata sandi database demo: $(DEMO_PASSWORD)"
	env -u QT_QPA_PLATFORM $(BIN)/simoncer

test: venv
	$(BIN)/ruff check .
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

lint: venv
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) build dist .pytest_cache benchmarks/.cache
