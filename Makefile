# Two commands do everything on a fresh Debian/Ubuntu machine, idempotently:
#   make run   - set up .venv and run the main job
#   make test  - set up .venv, system packages and services, and run every test
# A second run only re-installs what changed (stamp files under .venv/).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check
# Debian packages the tests need: sandboxes (bubblewrap, docker.io, debootstrap),
# the browser of ComputerUse-v0 (chromium; chromium-driver for the miniwob peer benchmark).
TEST_APT_PACKAGES := bubblewrap docker.io debootstrap util-linux chromium chromium-driver
# The demo: warm-start the tiny model on arithmetic, then GRPO; prints held-out accuracy before/after RL.
RUN_CMD := $(PY) -m rlvr.agents.train --preset tiny

.PHONY: run test system-packages docker-engine clean

run: $(VENV)/.installed-run
	$(RUN_CMD)

test: $(VENV)/.installed-test system-packages docker-engine
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

# The docker sandbox's engine and base image (issue 4), idempotent and silent
# once both exist: start dockerd in the background if no engine answers (no
# systemd here; needs root), then build rlvr-sandbox:bookworm once with
# debootstrap + docker import (~2 min). If either cannot be done it says so and
# continues: the docker tests then fail in CI, which is the point.
DOCKER_IMAGE := rlvr-sandbox:bookworm
DOCKERD_LOG  := /var/log/rlvr-dockerd.log

docker-engine: system-packages $(VENV)/.installed-test
	@if ! command -v docker >/dev/null 2>&1; then \
	  echo "docker: no docker client (apt-get install docker.io); docker sandbox tests will be skipped, or fail in CI"; \
	  exit 0; \
	fi; \
	if ! docker info >/dev/null 2>&1; then \
	  if [ "$$(id -u)" != 0 ] || ! command -v dockerd >/dev/null 2>&1; then \
	    echo "docker: no engine answers and this make cannot start one (needs root and dockerd):" \
	         "start it yourself (sudo setsid -f dockerd); docker sandbox tests will be skipped, or fail in CI"; \
	    exit 0; \
	  fi; \
	  echo "docker: starting dockerd in the background (log: $(DOCKERD_LOG))"; \
	  setsid -f dockerd >>$(DOCKERD_LOG) 2>&1 </dev/null; \
	  i=0; until docker info >/dev/null 2>&1 || [ $$i -ge 60 ]; do sleep 1; i=$$((i + 1)); done; \
	  if ! docker info >/dev/null 2>&1; then \
	    echo "docker: dockerd did not answer within 60 s (see $(DOCKERD_LOG));" \
	         "docker sandbox tests will be skipped, or fail in CI"; \
	    exit 0; \
	  fi; \
	fi; \
	if ! docker image inspect $(DOCKER_IMAGE) >/dev/null 2>&1; then \
	  echo "docker: building $(DOCKER_IMAGE) once (debootstrap from this machine's apt mirror, ~2 min)"; \
	  $(PY) -m rlvr.cli sandbox build-image --name $(DOCKER_IMAGE) || \
	    echo "docker: building $(DOCKER_IMAGE) failed (see above); docker sandbox tests will be skipped, or fail in CI"; \
	fi

clean:
	rm -rf $(VENV) build *.egg-info
