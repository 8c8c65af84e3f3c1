# Two commands do everything on a fresh Debian/Ubuntu machine, idempotently:
#   make run   - set up .venv and run the main job
#   make test  - set up .venv, system packages and services, and run every test
# A second run only re-installs what changed (stamp files under .venv/).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check
# Debian packages the tests need (the sandbox issues add docker.io, chromium, ...).
TEST_APT_PACKAGES := bubblewrap
# The demo: warm-start the tiny model on arithmetic, then GRPO; prints held-out accuracy before/after RL.
RUN_CMD := $(PY) -m rlvr.agents.train --preset tiny

.PHONY: run test system-packages clean

run: $(VENV)/.installed-run
	$(RUN_CMD)

test: $(VENV)/.installed-test system-packages
	$(PY) -m pytest -n auto -q

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "rlvr needs Python >= 3.11; found " + sys.version.split()[0])'
	@$(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV): install python3-venv (apt-get install python3-venv)"; exit 1; }
	@$(PIP) install -q --upgrade pip setuptools wheel

$(VENV)/.installed-run: pyproject.toml | $(PY)
	@echo "installing torch (CPU) and rlvr[math,train] into $(VENV) ..."
	@$(PIP) install -q torch==2.13.0
	@$(PIP) install -q -e ".[math,train]"
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	@echo "installing rlvr[dev] (math, hf, test tools) into $(VENV) ..."
	@$(PIP) install -q torch==2.13.0
	@$(PIP) install -q -e ".[dev]"
	@touch $@ $(VENV)/.installed-run

# Installs missing Debian packages with apt-get when root or passwordless sudo
# is available; otherwise says exactly what is missing and how to install it.
system-packages:
	@missing=""; for p in $(TEST_APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO=none; fi; \
	  if [ "$$SUDO" = none ] || ! command -v apt-get >/dev/null; then \
	    echo "MISSING system packages:$$missing -- install them with: sudo apt-get install -y$$missing (tests that need them will be skipped)"; \
	  else \
	    echo "installing system packages:$$missing"; \
	    $$SUDO apt-get update -qq >/dev/null && \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null || \
	      { echo "apt-get install$$missing failed"; exit 1; }; \
	  fi; \
	fi

clean:
	rm -rf $(VENV) build *.egg-info
