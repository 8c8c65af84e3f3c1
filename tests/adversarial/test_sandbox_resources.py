"""The sandboxed program as an adversary against the machine's resources and the parent.

Fork and thread bombs, memory bombs, loops, sleeps, ignored and self-sent
signals, output floods, filling the disk, detached daemons, killing the
parent, crashes, deleting its workdir. Each must be contained with the right
status, and afterwards: no process carries the run's token, no
workdir/mount/cgroup/container is left, the host is untouched and the
sandbox still works. When the tests run as root (CI does), the fork bomb
cases are the proof that root's exemption from RLIMIT_NPROC is handled.

SAFETY: the ``process`` backend does not isolate; a program run through it
acts on the real host as the test runner (root in CI). Only resource attacks
that stay inside the program's own processes and workdir run on it
(``sandbox`` fixture); anything aimed at host paths, the parent or other
processes runs on isolating backends only (``isolating`` fixture, and
:func:`hostile` refuses anything else).
"""

from __future__ import annotations

import os
import shutil
import signal
import textwrap
import time

import pytest

from rlvr.verifiers.sandbox import Limits
from rlvr.verifiers.sandbox.testing import TEST_BACKENDS, backend_or_skip, leftovers, new_token

QUICK = Limits(wall_s=1.5, cpu_s=1, max_procs=24, memory_mb=256)


@pytest.fixture(params=TEST_BACKENDS)
def sandbox(request):
    return backend_or_skip(request.param)


@pytest.fixture(params=[k for k in TEST_BACKENDS if k != "process"])
def isolating(request):
    return backend_or_skip(request.param)


@pytest.fixture
def token():
    value = new_token()
    yield value
    left = leftovers(value)
    assert not left, f"the run left something behind: {left}"


def attack(sandbox, code: str, token: str, limits: Limits = QUICK):
    """Run a program that attacks only its own resources; then check the clock and reuse."""
    start = time.monotonic()
    result = sandbox.run(["python3", "-c", textwrap.dedent(code)], limits=limits, env={"RLVR_TEST_TOKEN": token})
    elapsed = time.monotonic() - start
    # The parent's clock held, whatever the program did (docker adds its container set-up).
    assert elapsed < limits.wall_s + (8 if sandbox.name == "docker" else 3), (elapsed, result)
    assert result.status != "error", result
    after = sandbox.run(["python3", "-c", "print(6 * 7)"], env={"RLVR_TEST_TOKEN": token})
    assert after.ok and after.stdout == b"42\n", f"sandbox unusable afterwards: {after}"
    return result


def hostile(sandbox, code: str, token: str, limits: Limits = QUICK):
    """Like :func:`attack`, for programs that aim at the host, the parent or other processes."""
    assert sandbox.isolates, "refusing to run a host-directed attack through a non-isolating sandbox"
    return attack(sandbox, code, token, limits)


def test_counted_fork_bomb_is_bounded(sandbox, token):
    code = """
        import os, time
        n = 0
        while n < 500:
            try:
                pid = os.fork()
            except OSError:
                break
            if pid == 0:
                time.sleep(60)
                os._exit(0)
            n += 1
        print(n, flush=True)
    """
    result = attack(sandbox, code, token)
    assert result.status == "ok", result
    assert int(result.stdout) < QUICK.max_procs, result.stdout
    if sandbox.isolates:
        assert int(result.stdout) > 0


def test_classic_fork_bomb_as_whoever_runs_the_tests(sandbox, token):
    code = """
        import os
        while True:
            try:
                os.fork()
            except OSError:
                pass
    """
    result = attack(sandbox, code, token)
    assert result.status == "timeout", result


def test_thread_bomb(sandbox, token):
    code = """
        import threading, time
        n = 0
        try:
            while n < 1000:
                threading.Thread(target=time.sleep, args=(60,), daemon=True).start()
                n += 1
        except (RuntimeError, MemoryError):
            pass
        print(n, flush=True)
        import os; os._exit(0)
    """
    result = attack(sandbox, code, token)
    assert result.status == "ok", result
    assert int(result.stdout) < QUICK.max_procs


def test_memory_bomb(sandbox, token):
    code = """
        chunks = []
        while True:
            chunks.append(bytearray(16 << 20))
    """
    result = attack(sandbox, code, token, Limits(wall_s=5, cpu_s=4, memory_mb=256))
    assert result.status == "memory", result


def test_memory_bomb_across_processes(sandbox, token):
    code = """
        import os
        for _ in range(6):
            if os.fork() == 0:
                break
        chunks = []
        try:
            while True:
                chunks.append(bytearray(8 << 20))
        except MemoryError:
            os._exit(0 if len(chunks) else 1)
    """
    result = attack(sandbox, code, token, Limits(wall_s=5, cpu_s=4, memory_mb=256, max_procs=16))
    assert result.status in ("ok", "memory"), result


@pytest.mark.parametrize("code", ["while True: pass", "import time\nwhile True: time.sleep(1)"],
                         ids=["busy-loop", "sleep-forever"])
def test_loops_and_sleeps_time_out(sandbox, token, code):
    result = attack(sandbox, code, token, Limits(wall_s=1.5, cpu_s=1))
    assert result.status == "timeout", result


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGXCPU", "SIGINT", "SIGHUP"])
def test_ignoring_signals_does_not_help(sandbox, token, sig):
    code = f"""
        import signal
        signal.signal(signal.{sig}, signal.SIG_IGN)
        while True:
            pass
    """
    result = attack(sandbox, code, token, Limits(wall_s=1.5, cpu_s=1))
    assert result.status == "timeout", result


def test_sigstop_on_itself(sandbox, token):
    result = attack(sandbox, "import os, signal; os.kill(os.getpid(), signal.SIGSTOP)", token)
    assert result.status == "timeout", result


@pytest.mark.parametrize("stream", ["stdout", "stderr", "both"])
def test_output_floods(sandbox, token, stream):
    target = {"stdout": "[sys.stdout.buffer]", "stderr": "[sys.stderr.buffer]",
              "both": "[sys.stdout.buffer, sys.stderr.buffer]"}[stream]
    code = f"""
        import sys
        block = b"A" * 65536
        while True:
            for s in {target}:
                s.write(block)
    """
    limits = Limits(wall_s=5, cpu_s=4, output_bytes=1 << 16)
    result = attack(sandbox, code, token, limits)
    assert result.status == "output_limit", result
    assert len(result.stdout) <= 1 << 16 and len(result.stderr) <= 1 << 16
    assert result.wall_s < 4


def test_filling_the_disk(isolating, token):
    if isolating.name == "bwrap" and isolating.mode == "userns":
        pytest.skip("bwrap in user-namespace mode bounds disk use per file only (RLIMIT_FSIZE), "
                    "not in total; documented")
    before = {p: shutil.disk_usage(p).free for p in ("/", "/tmp", "/dev/shm") if os.path.isdir(p)}
    code = """
        import errno
        written, err = 0, None
        block = b"z" * (1 << 20)
        for target in ("/work", "/tmp"):
            try:
                for i in range(100000):
                    with open(f"{target}/fill{i}", "wb") as fh:
                        for _ in range(4):
                            fh.write(block)
                            written += 1
            except OSError as e:
                err = errno.errorcode.get(e.errno)
        print(written, err)
    """
    result = hostile(isolating, code, token, Limits(wall_s=20, cpu_s=15, disk_mb=64, file_size_mb=8))
    assert result.status == "ok", result
    written, err = result.stdout.split()
    assert err in (b"ENOSPC", b"EDQUOT", b"EFBIG"), result.stdout
    assert int(written) <= 2 * 64 + 8  # the workdir and /tmp, each bounded by disk_mb
    after = {p: shutil.disk_usage(p).free for p in before}
    for path, free in before.items():  # everything it wrote is gone again
        assert free - after[path] < 200 << 20, (path, free, after[path])


def test_detached_daemon_does_not_outlive_the_run(sandbox, token):
    code = """
        import os, signal, time
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                for fd in (0, 1, 2):
                    os.close(fd)
                signal.signal(signal.SIGHUP, signal.SIG_IGN)
                signal.signal(signal.SIGTERM, signal.SIG_IGN)
                while True:
                    time.sleep(0.1)
            os._exit(0)
        time.sleep(0.3)
        print("parent exits", flush=True)
    """
    result = attack(sandbox, code, token, Limits(wall_s=5, cpu_s=2))
    assert result.status == "ok" and result.stdout == b"parent exits\n", result
    assert result.wall_s < 3.5
    # the token fixture proves no process with the run's token is alive any more


def test_killing_the_parent_and_everything(isolating, token):
    parent = os.getpid()
    code = """
        import os, signal, subprocess
        for target in (os.getppid(), 1, -1):
            for sig in (signal.SIGKILL, signal.SIGTERM):
                try:
                    os.kill(target, sig)
                except OSError:
                    pass
        subprocess.run(["sh", "-c", "kill -9 -1; kill -9 0"])
        print("still here")
    """
    result = hostile(isolating, code, token, Limits(wall_s=5, cpu_s=2))
    assert os.getpid() == parent  # we are alive, and so is the rest of the test run
    assert result.status in ("ok", "signal"), result


def test_segfault(sandbox, token):
    result = attack(sandbox, "import ctypes; ctypes.string_at(0)", token)
    assert result.status == "signal" and result.signal == signal.SIGSEGV, result


def test_unbounded_recursion(sandbox, token):
    plain = attack(sandbox, "def f(): return f()\nf()", token)
    assert plain.status == "ok" and plain.exit_code == 1 and b"RecursionError" in plain.stderr
    deep = attack(sandbox, "import sys\nsys.setrecursionlimit(10**9)\ndef f(): return f()\nf()", token,
                  Limits(wall_s=5, cpu_s=4, memory_mb=256))
    assert deep.status in ("signal", "memory"), deep


@pytest.mark.parametrize("then", ["exit", "hang"])
def test_closing_stdout_and_stderr(sandbox, token, then):
    code = "import os, time\nos.close(1)\nos.close(2)\n" + ("os._exit(0)" if then == "exit" else
                                                           "while True: time.sleep(1)")
    result = attack(sandbox, code, token, Limits(wall_s=1.5, cpu_s=1))
    assert result.status == ("ok" if then == "exit" else "timeout"), result


def test_deleting_its_own_workdir(sandbox, token):
    """Safe on every backend: removes only the contents of its cwd and the cwd itself."""
    code = """
        import os
        cwd = os.getcwd()
        open("a.txt", "w").write("x")
        os.makedirs("d/e")
        for root, dirs, files in os.walk(cwd, topdown=False):
            for name in files:
                os.remove(os.path.join(root, name))
            for name in dirs:
                os.rmdir(os.path.join(root, name))
        try:
            os.rmdir(cwd)
        except OSError:
            pass
        print("done")
    """
    result = attack(sandbox, code, token)
    assert result.status == "ok" and result.stdout == b"done\n", result


def test_deleting_host_paths_touches_nothing(isolating, token, tmp_path):
    """Isolating backends only: the program tries to delete a canary directory on the host.

    The attack names only the canary (never /work, /tmp or /): if isolation
    ever broke, this test must fail without destroying the machine it runs on.
    """
    canary = tmp_path / f"{token}-canary"
    canary.mkdir()
    (canary / "alive.txt").write_text("alive")
    code = f"""
        import os, shutil
        shutil.rmtree({str(canary)!r}, ignore_errors=True)
        try:
            os.remove({str(canary / "alive.txt")!r})
        except OSError:
            pass
        print("done")
    """
    result = hostile(isolating, code, token, Limits(wall_s=10, cpu_s=8))
    assert result.status == "ok" and result.stdout == b"done\n", result
    assert (canary / "alive.txt").read_text() == "alive"


def test_session_survives_hostile_runs(sandbox, token):
    """The same workspace through a flood, a bomb and a daemon keeps its files and stays clean."""
    env = {"RLVR_TEST_TOKEN": token}
    with sandbox.session(files={"keep.py": "print('kept')"}, limits=Limits(wall_s=5, max_procs=16)) as ws:
        for code in ("import sys\nwhile True: sys.stdout.write('x' * 65536)",
                     "import os\nwhile True:\n    try: os.fork()\n    except OSError: pass",
                     "import os, time\nif os.fork() == 0:\n    os.setsid(); time.sleep(60)\nprint('bye')"):
            result = ws.run(["python3", "-c", code], env=env,
                            limits=Limits(wall_s=1.5, max_procs=16, output_bytes=1 << 16))
            assert result.status in ("ok", "timeout", "output_limit"), result
        again = ws.run(["python3", "keep.py"], env=env)
        assert again.ok and again.stdout == b"kept\n", again
