# The two commands a newcomer needs are `make run` and `make test`; each bootstraps what it needs.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
APT_PKGS := libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0 \
	libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
	libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxcb-sync1 \
	libxcb-glx0 libxrandr2 libpulse0 xvfb xauth fonts-dejavu-core fonts-wqy-microhei
# xvfb and xauth serve only headless screenshots; the window (and the offscreen tests) need the rest.
HEADLESS_PKGS := xvfb xauth
WINDOW_PKGS := $(filter-out $(HEADLESS_PKGS),$(APT_PKGS))
# On a person's own desktop: print the sudo command for what is missing, go on if Qt starts.
SOFT_APT = bash packaging/apt-deps.sh --soft
TEST_TIMEOUT ?= 1200
# Translations: .ts sources (edited with Qt Linguist or by hand), compiled .qm shipped in the package.
I18N_LANGS := zh_CN
I18N_TS := $(I18N_LANGS:%=resources/i18n/studio_%.ts)
I18N_QM := $(I18N_LANGS:%=studio/data/i18n/studio_%.qm)
BENCH_ARGS ?=

.PHONY: run test check lint bench soak sim apt venv clean screenshots package i18n i18n-update

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

apt:
	@bash packaging/apt-deps.sh $(APT_PKGS)

# Every translatable string of the UI into the .ts files (new ones unfinished, gone ones dropped).
i18n-update: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete $$(find studio/ui studio/app.py -name '*.py' | sort) -ts $(I18N_TS)

studio/data/i18n/studio_%.qm: resources/i18n/studio_%.ts | $(STAMP)
	@mkdir -p $(@D)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

i18n: $(I18N_QM)

run: $(STAMP) $(I18N_QM)
	@QT_CHECK="$(BIN)/python packaging/qt_check.py" $(SOFT_APT) $(WINDOW_PKGS)
	$(BIN)/python -m studio

sim: $(STAMP)
	$(BIN)/python -m studio.sim --port 8765

# The test command CI runs: formatting, lint and strict types first, then the whole suite.
test: lint $(I18N_QM)
	@QT_CHECK="env QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/qt_check.py" \
		$(SOFT_APT) $(WINDOW_PKGS)
	timeout -k 10 $(TEST_TIMEOUT) $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy

check: test

# Not part of `make test`: figures and ratios against baselines, e.g. BENCH_ARGS="--only gallery".
bench: $(STAMP)
	@QT_CHECK="env QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/qt_check.py" \
		$(SOFT_APT) $(WINDOW_PKGS)
	$(BIN)/python -m bench $(BENCH_ARGS)

# Not part of `make test`: the job runner against the simulator under fault profiles and SIGKILLs,
# then a fault-free audit of every task (a few minutes; SOAK_ARGS="--speed 10 --tasks 200" etc.).
SOAK_ARGS ?=
soak: $(STAMP)
	$(BIN)/python -m bench.soak $(SOAK_ARGS)

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache

screenshots: apt $(STAMP)
	command -v import >/dev/null || (apt-get update -qq && apt-get install -y -qq imagemagick >/dev/null)
	xvfb-run -a -s "-screen 0 1440x900x24" $(BIN)/python packaging/screenshots.py resources/screenshots

# dist/: the offline wheelhouse tarball and a PyInstaller folder, each smoke-tested offline.
package: apt $(STAMP)
	PY=$(BIN)/python APT_PKGS="$(APT_PKGS)" bash packaging/build_offline.sh
	bash packaging/build_pyinstaller.sh
	bash packaging/smoke_test.sh
	bash packaging/smoke_test.sh --frozen
