"""Persistent workspaces: files persist between runs, processes do not, close removes all."""

from __future__ import annotations

import pytest

from rlvr.core.errors import ConfigError, RlvrError
from rlvr.verifiers.sandbox import Limits, Session
from rlvr.verifiers.sandbox.testing import FORK_BOMB, daemon_containment_gap, fork_containment_gap

L = Limits(wall_s=10, cpu_s=5)


def test_files_persist_across_runs_and_tool_style_edits(sandbox, token):
    env = {"RLVR_TEST_TOKEN": token}
    with sandbox.session(files={"pkg/mod.py": "X = 1\n", "test_mod.py": "from pkg.mod import X\nassert X == 2\n"},
                         limits=L) as ws:
        assert isinstance(ws, Session)
        assert ws.list_files() == ["pkg/mod.py", "test_mod.py"]
        failing = ws.run(["python3", "test_mod.py"], env=env)
        assert failing.status == "ok" and failing.exit_code == 1
        ws.write_files({"pkg/mod.py": "X = 2\n"})  # same size, same second: no stale bytecode
        passing = ws.run(["python3", "test_mod.py"], env=env)
        assert passing.ok, passing
        made = ws.run(["sh", "-c", "mkdir -p build && echo built > build/out.txt"], env=env)
        assert made.ok
        assert ws.read_files(["build/out.txt", "pkg/mod.py", "nope.txt"]) == {
            "build/out.txt": b"built\n", "pkg/mod.py": b"X = 2\n"}
        assert ws.list_files() == ["build/out.txt", "pkg/mod.py", "test_mod.py"]
        ws.delete_files(["build", "test_mod.py", "never-existed"])
        assert ws.list_files() == ["pkg/mod.py"]
        collected = ws.run(["sh", "-c", "echo r > r.txt"], env=env, collect=["*.txt"])
        assert collected.files == {"r.txt": b"r\n"}


def test_processes_do_not_survive_a_run(sandbox, token):
    reason = daemon_containment_gap(sandbox)
    if reason:
        pytest.skip(f"{reason} (documented)")
    env = {"RLVR_TEST_TOKEN": token}
    # Unique durations (another test may run the same command concurrently); 40 s at most.
    tag = f"{int(token[-6:], 16) % 10**6:06d}"
    with sandbox.session(limits=L) as ws:
        started = ws.run(["sh", "-c", f"(sleep 30.{tag} &); (setsid sleep 31.{tag} &); echo started"], env=env)
        assert started.ok and started.stdout == b"started\n"
        assert started.wall_s < 8  # did not wait for the sleeps
        seen = ws.run(["sh", "-c", "cat /proc/[0-9]*/cmdline 2>/dev/null | tr '\\0' ' '"], env=env)
        assert f".{tag}".encode() not in seen.stdout


def test_a_timed_out_run_leaves_the_workspace_usable(sandbox, token):
    env = {"RLVR_TEST_TOKEN": token}
    with sandbox.session(files={"keep.txt": "kept"}, limits=L) as ws:
        hung = ws.run(["python3", "-c", "while True: pass"], env=env, limits=Limits(wall_s=1, cpu_s=10))
        assert hung.status == "timeout"
        again = ws.run(["cat", "keep.txt"], env=env)
        assert again.ok and again.stdout == b"kept"


def test_fork_bomb_in_a_session_keeps_the_files(sandbox, token):
    reason = fork_containment_gap(sandbox)
    if reason:
        pytest.skip(f"{reason} (documented; a fork bomb would not be contained)")
    env = {"RLVR_TEST_TOKEN": token}
    with sandbox.session(files={"keep.txt": "kept"}, limits=Limits(wall_s=10, max_procs=16)) as ws:
        result = ws.run(["python3", "-c", FORK_BOMB], env=env, limits=Limits(wall_s=1.5, max_procs=16))
        assert result.status == "timeout"
        again = ws.run(["cat", "keep.txt"], env=env)
        assert again.ok and again.stdout == b"kept", again


def test_symlinks_made_by_the_program_are_never_followed(sandbox, token, tmp_path):
    secret = tmp_path / "host-secret.txt"
    secret.write_text(token)
    env = {"RLVR_TEST_TOKEN": token}
    with sandbox.session(limits=L) as ws:
        made = ws.run(["sh", "-c", f"ln -s {secret} link.txt; ln -s /etc linkdir; ln -s {tmp_path} hostdir; "
                                   "mkfifo fifo; echo ok"], env=env)
        assert made.ok, made
        assert ws.read_files(["link.txt", "fifo", "linkdir/passwd", "hostdir/host-secret.txt"]) == {}
        ws.write_files({"link.txt": "replaced"})  # replaces the link itself
        assert ws.read_files(["link.txt"]) == {"link.txt": b"replaced"}
        assert secret.read_text() == token
        if sandbox.name != "docker":  # docker resolves the link inside the container, never on the host
            with pytest.raises(ConfigError):
                ws.write_files({"hostdir/evil.txt": "x"})
        assert sorted(p.name for p in tmp_path.iterdir()) == ["host-secret.txt"]


def test_close_is_idempotent_and_final(sandbox, token):
    ws = sandbox.session(files={"a.txt": "a"}, limits=L)
    ws.close()
    ws.close()
    with pytest.raises(RlvrError):
        ws.run(["true"])
    with pytest.raises(RlvrError):
        ws.list_files()


def test_invalid_paths_are_rejected(sandbox):
    with sandbox.session(limits=L) as ws:
        for bad in ("../escape", "/abs", "a/../../b"):
            with pytest.raises(ConfigError):
                ws.write_files({bad: "x"})
            with pytest.raises(ConfigError):
                ws.read_files([bad])
