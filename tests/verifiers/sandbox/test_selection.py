"""get_sandbox, unavailable backends and their fixes, rlvr doctor, the image builder's inputs."""

from __future__ import annotations

import logging
import os
import shutil

import pytest

from rlvr.cli import main
from rlvr.core.errors import ConfigError
from rlvr.verifiers.sandbox import Sandbox, SandboxUnavailable, get_sandbox
from rlvr.verifiers.sandbox.image import apt_mirror, apt_sources
from rlvr.verifiers.sandbox.testing import backend_or_skip


def test_auto_picks_the_strongest_working_backend_and_says_so(caplog):
    caplog.set_level(logging.INFO, logger="rlvr.sandbox")
    sandbox = get_sandbox()
    assert isinstance(sandbox, Sandbox)
    assert f"using {sandbox.name}" in caplog.text
    if shutil.which("bwrap"):
        backend_or_skip("bwrap")  # bwrap works here, so auto must have chosen it
        assert sandbox.name == "bwrap" and sandbox.isolates


def test_auto_passes_each_backend_only_the_options_it_takes():
    sandbox = get_sandbox("auto", image="some/image:tag", quiet=True)
    assert sandbox.name in ("bwrap", "docker", "process")


def test_unknown_kind_and_option_are_config_errors():
    with pytest.raises(ConfigError, match="one of"):
        get_sandbox("chroot")
    with pytest.raises(ConfigError, match="does not take"):
        get_sandbox("process", image="x")


def test_process_backend_warns_loudly(caplog):
    import rlvr.verifiers.sandbox.process as process

    process._warned = False
    caplog.set_level(logging.WARNING, logger="rlvr.sandbox")
    with pytest.warns(RuntimeWarning, match="does NOT isolate"):
        sandbox = get_sandbox("process")
    assert sandbox.isolates is False
    assert "does NOT isolate" in caplog.text


def test_missing_bwrap_names_the_fix():
    with pytest.raises(SandboxUnavailable, match="apt-get install bubblewrap"):
        get_sandbox("bwrap", bwrap="/nonexistent/bwrap")


def test_unreachable_docker_engine_names_the_fix():
    pytest.importorskip("docker")
    with pytest.raises(SandboxUnavailable, match="dockerd"):
        get_sandbox("docker", base_url="unix:///nonexistent/docker.sock")


def test_missing_image_names_the_fix():
    backend_or_skip("docker")
    with pytest.raises(SandboxUnavailable, match="docker pull rlvr-no-such-image"):
        get_sandbox("docker", image="rlvr-no-such-image:none")
    from rlvr.verifiers.sandbox.docker import DEFAULT_IMAGE, image_missing_message
    assert "rlvr sandbox build-image" in image_missing_message(DEFAULT_IMAGE)


def test_python_packages_must_not_expose_rlvr():
    backend_or_skip("bwrap")
    with pytest.raises(ConfigError, match="never include rlvr"):
        get_sandbox("bwrap", python_packages=["rlvr"])


def test_python_packages_exposes_pytest_read_only():
    backend_or_skip("bwrap")
    sandbox = get_sandbox("bwrap", python_packages=["pytest"])
    files = {"test_x.py": "def test_one():\n    assert 1 + 1 == 2\n"}
    result = sandbox.run(["pytest", "-q", "-p", "no:cacheprovider"], files=files)
    assert result.ok, result
    assert b"1 passed" in result.stdout
    probe = sandbox.run(["python3", "-c", "import importlib.util as u; print(u.find_spec('rlvr'), "
                                          "u.find_spec('numpy'))"])
    assert probe.stdout.strip() == b"None None"


def test_doctor_reports_every_backend(capsys):
    code = main(["doctor"])
    out = capsys.readouterr().out
    for name in ("bwrap", "docker", "process"):
        assert name in out
    assert "get_sandbox('auto') uses:" in out
    assert code in (0, 1)
    if shutil.which("bwrap"):
        backend_or_skip("bwrap")
        assert code == 0 and "ok  bwrap" in out


def test_build_image_reuses_an_existing_image(capsys):
    sandbox = backend_or_skip("docker")
    assert main(["sandbox", "build-image", "--name", sandbox.image]) == 0
    assert "reusing" in capsys.readouterr().out


def test_apt_sources_one_line_and_deb822(tmp_path):
    apt = tmp_path / "apt"
    (apt / "sources.list.d").mkdir(parents=True)
    (apt / "sources.list").write_text(
        "# comment\ndeb [arch=amd64 signed-by=/k.gpg] http://mirror.example/debian bookworm main contrib\n"
        "deb-src http://src.example/debian bookworm main\n")
    (apt / "sources.list.d" / "debian.sources").write_text(
        "Types: deb\nURIs: http://deb.example/debian\nSuites: trixie trixie-updates\nComponents: main\n\n"
        "Types: deb\nURIs: http://security.example/debian-security\nSuites: trixie-security\n"
        "Components: main\n\nTypes: deb\nEnabled: no\nURIs: http://off.example\nSuites: trixie\n")
    (apt / "sources.list.d" / "other.list.disabled").write_text("deb http://ignored.example sid main\n")
    sources = apt_sources(str(apt))
    assert [s.uri for s in sources] == ["http://mirror.example/debian", "http://deb.example/debian",
                                        "http://security.example/debian-security"]
    assert apt_mirror("bookworm", str(apt)) == "http://mirror.example/debian"
    assert apt_mirror("trixie", str(apt)) == "http://deb.example/debian"
    assert apt_mirror("sid", str(apt)) == "http://mirror.example/debian"  # any Debian archive
    assert apt_mirror("bookworm", str(tmp_path / "none")) == "http://deb.debian.org/debian"


def test_this_machines_mirror_is_read_from_its_apt_sources():
    if not os.path.isdir("/etc/apt"):
        pytest.skip("not a Debian-family machine")
    assert apt_mirror("bookworm").startswith(("http://", "https://", "file:"))
