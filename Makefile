# mockinterviewer: `make run` sets everything up and opens the app; `make test` sets up and runs
# the whole suite headless. A second run of either is quick and installs nothing new.

PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python

# System packages the app needs at run time (Debian/Ubuntu names).
SYS_RUN := libportaudio2 espeak-ng libasound2-plugins libegl1 libgl1 libxkbcommon-x11-0 \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 \
	libxcb-render-util0 libxcb-image0 libfontconfig1 libdbus-1-3 fonts-dejavu-core
# Extra system packages the test suite needs (virtual microphone, audio tools, virtual screen,
# the two other synthetic voices the speech tests and `mockinterviewer evaluate` use).
SYS_TEST := pulseaudio pulseaudio-utils sox xvfb strace desktop-file-utils flite festival \
	festvox-kallpc16k
# Extra system packages the bundle build needs (PyInstaller reads and strips ELF files).
SYS_BUNDLE := binutils

.PHONY: run test test-fast typecheck setup setup-dev sysdeps sysdeps-test lint bench clean wheel bundle bundle-check \
	install-desktop uninstall-desktop

run: sysdeps $(VENV)/.stamp-run
	$(VENV)/bin/mockinterviewer

test: sysdeps-test $(VENV)/.stamp-dev
	QT_QPA_PLATFORM=offscreen $(VPY) -m pytest -q -p no:cacheprovider

setup: sysdeps $(VENV)/.stamp-run
setup-dev: sysdeps-test $(VENV)/.stamp-dev

# The inner loop: unit tests only (no PulseAudio, no Whisper model, no real audio devices).
test-fast: $(VENV)/.stamp-dev
	QT_QPA_PLATFORM=offscreen $(VPY) -m pytest -q -p no:cacheprovider -m "not slow and not pulse"

lint: $(VENV)/.stamp-dev
	$(VENV)/bin/ruff check .

# Strict on the Qt-free packages, gradual on ui/ and workers/ (see [tool.mypy] in pyproject.toml).
typecheck: $(VENV)/.stamp-dev
	$(VENV)/bin/mypy

bench: $(VENV)/.stamp-run
	$(VENV)/bin/mockinterviewer bench

# The sdist and the wheel (with content/ and assets/ inside) in dist/.
wheel: $(VENV)/.stamp-dev
	$(VPY) -m build --no-isolation --outdir dist .

# The one-folder app that needs no Python, packed as dist/mockinterviewer-<version>-linux-<arch>.tar.gz.
bundle: sysdeps-test $(VENV)/.stamp-bundle
	@$(MAKE) --no-print-directory _apt PKGS="$(SYS_BUNDLE)"
	packaging/build_bundle.sh $(VPY)

# Unpacks the bundle's tarball as a user would and runs it with no Python on PATH.
bundle-check: $(VENV)/.stamp-dev
	rm -rf build/bundle-check && mkdir -p build/bundle-check
	tar -C build/bundle-check -xzf $$(ls -t dist/mockinterviewer-*-linux-*.tar.gz | head -n 1)
	MOCKINTERVIEWER_BUNDLE=$$(ls -d build/bundle-check/*/mockinterviewer) QT_QPA_PLATFORM=offscreen \
		$(VPY) -m pytest -q -p no:cacheprovider -s tests/system/test_packaging.py -k bundle

# A menu entry and icon for this checkout's venv install (the bundle's install.sh does its own).
install-desktop: $(VENV)/.stamp-run
	$(VENV)/bin/mockinterviewer desktop install
	@if command -v desktop-file-validate >/dev/null 2>&1; then \
		desktop-file-validate "$${XDG_DATA_HOME:-$$HOME/.local/share}/applications/mockinterviewer.desktop" \
		&& echo "menu entry validated"; fi

uninstall-desktop: $(VENV)/.stamp-run
	$(VENV)/bin/mockinterviewer desktop uninstall

sysdeps:
	@$(MAKE) --no-print-directory _apt PKGS="$(SYS_RUN) $(if $(shell $(PYTHON) -c 'import ensurepip' 2>/dev/null || echo missing),python3-venv python3-pip,)"

sysdeps-test:
	@$(MAKE) --no-print-directory _apt PKGS="$(SYS_RUN) $(SYS_TEST) $(if $(shell $(PYTHON) -c 'import ensurepip' 2>/dev/null || echo missing),python3-venv python3-pip,)"

# Installs only the packages that are missing; as root with apt-get, else with sudo, else it
# stops and prints the exact command to run.
_apt:
	@if [ "$$(uname -s)" != "Linux" ] || ! command -v dpkg-query >/dev/null 2>&1; then \
		echo "Not a Debian/Ubuntu system: install PortAudio and a TTS voice yourself (see README)."; \
		exit 0; fi; \
	missing=""; for p in $(PKGS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "Installing system packages:$$missing"; \
	if [ "$$(id -u)" = "0" ]; then SUDO=""; \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"; \
	else echo "error: missing system packages. Run this, then try again:"; \
		echo "  sudo apt-get update && sudo apt-get install -y$$missing"; exit 1; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null

$(VENV)/.stamp-venv:
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install -q --upgrade pip
	touch $@

$(VENV)/.stamp-run: pyproject.toml $(VENV)/.stamp-venv
	$(VPY) -m pip install -q -e .
	touch $@

$(VENV)/.stamp-dev: pyproject.toml $(VENV)/.stamp-venv
	$(VPY) -m pip install -q -e ".[dev]"
	touch $@ $(VENV)/.stamp-run

$(VENV)/.stamp-bundle: pyproject.toml $(VENV)/.stamp-dev
	$(VPY) -m pip install -q -e ".[dev,bundle]"
	touch $@

clean:
	rm -rf $(VENV) build dist *.egg-info tests/artifacts
