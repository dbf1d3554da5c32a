# The README's commands. Every target makes its own virtual environment in .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test bench lint venv system-deps clean demo translations update-translations dist

# The English catalogue: every translations/*.ts released into one .qm (not committed; rebuilt when a .ts changes).
TS_FILES := $(wildcard translations/*.ts)
QM_FILE := resources/translations/simoncer_en.qm

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,bench,dist]"
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

venv: system-deps $(STAMP)

system-deps:
	@sh scripts/ensure-system-deps.sh

$(QM_FILE): $(TS_FILES) $(STAMP)
	@mkdir -p $(dir $@)
	$(BIN)/pyside6-lrelease -silent $(TS_FILES) -qm $@

translations: venv $(QM_FILE)

# After changing UI text: refresh translations/*.ts from the code and list what is left to translate.
update-translations: venv
	$(BIN)/python scripts/update_translations.py

# Starts the app on the user's own database; the first time, creates it encrypted with 2,000 demo
# families and the administrator "admin" whose password is DEMO_PASSWORD (synthetic data only).
DEMO_PASSWORD ?= simoncer-demo
run: venv translations
	SIMONCER_PASSWORD='$(DEMO_PASSWORD)' $(BIN)/simoncer-cli demo-data --families 2000 --seed 1 --if-new
	@echo "Masuk sebagai 'admin'; kata sandi database demo: $(DEMO_PASSWORD)"
	env -u QT_QPA_PLATFORM $(BIN)/simoncer

test: venv translations
	$(BIN)/ruff check .
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

# The one-folder program dist/simoncer-<version>/ (PyInstaller, build.spec), then its own self-test.
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' simoncer_desktop/__init__.py)
dist: venv translations
	$(BIN)/python -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller build.spec
	dist/simoncer-$(VERSION)/simoncer --self-test
	@du -sh dist/simoncer-$(VERSION)

lint: venv
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) build dist .pytest_cache benchmarks/.cache
