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
:func:`hostile` refuses anything else). Every attack also carries its own
ceiling, so that a sandbox that failed to apply a limit fails the test
instead of harming the machine: fork bombs stop growing at
``FORK_BOMB_CEILING`` processes (and never run where the backend is known not
to bound processes), memory and disk bombs stop at a fixed size, daemons die
by themselves within a minute, deletions name only a canary under pytest's
``tmp_path`` or a workdir proven fresh by a marker, and kills aimed at
"everything" run only after a probe shows a private pid namespace and hit a
canary process of the test, never the host's.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import subprocess
import textwrap
import time

import pytest

from rlvr.verifiers.sandbox import Limits
from rlvr.verifiers.sandbox.testing import (
    FORK_BOMB, FORK_BOMB_CEILING, daemon_containment_gap, fork_containment_gap)

#: Programs that end by themselves: the clock is a generous ceiling (a loaded CI box, docker's exec set-up).
QUICK = Limits(wall_s=10, cpu_s=2, max_procs=24, memory_mb=256)
#: Programs that never end by themselves: the clock is what ends them.
HANG = Limits(wall_s=1.5, cpu_s=1, max_procs=24, memory_mb=256)
#: Slack for start-up and kill on a loaded machine; attacks sleep 30 s or more, so a
#: clock that did not hold still shows.
SLACK_S = {"docker": 20.0}


def attack(sandbox, code: str, token: str, limits: Limits = QUICK, files: dict | None = None):
    """Run a program that attacks only its own resources; then check the clock and reuse."""
    start = time.monotonic()
    result = sandbox.run(["python3", "-c", textwrap.dedent(code)], limits=limits, files=files,
                         env={"RLVR_TEST_TOKEN": token})
    elapsed = time.monotonic() - start
    # The parent's clock held, whatever the program did (docker adds its container set-up).
    assert elapsed < limits.wall_s + SLACK_S.get(sandbox.name, 10.0), (elapsed, result)
    assert result.status != "error", result
    after = sandbox.run(["python3", "-c", "print(6 * 7)"], env={"RLVR_TEST_TOKEN": token},
                        limits=Limits(wall_s=30, cpu_s=10))
    assert after.ok and after.stdout == b"42\n", f"sandbox unusable afterwards: {after}"
    return result


def hostile(sandbox, code: str, token: str, limits: Limits = QUICK):
    """Like :func:`attack`, for programs that aim at the host, the parent or other processes."""
    assert sandbox.isolates, "refusing to run a host-directed attack through a non-isolating sandbox"
    return attack(sandbox, code, token, limits)


def bounded_processes(sandbox):
    """Skip where the backend is known not to bound processes (never run a bomb there)."""
    reason = fork_containment_gap(sandbox)
    if reason:
        pytest.skip(f"{reason} (documented; a fork bomb would not be contained)")
    return sandbox


def test_counted_fork_bomb_is_bounded(sandbox, token):
    bounded_processes(sandbox)
    code = """
        import os, time
        n = 0
        while n < 200:  # the ceiling if nothing contained it
            try:
                pid = os.fork()
            except OSError:
                break
            if pid == 0:
                time.sleep(30)
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
    """Every process retries fork forever; only the limit (pids, not RLIMIT_NPROC, for root) holds it."""
    bounded_processes(sandbox)
    assert FORK_BOMB_CEILING < 1024
    result = attack(sandbox, FORK_BOMB, token, HANG)
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
        for _ in range(64):  # 1 GiB ceiling: an unapplied limit fails the test, not the machine
            chunks.append(bytearray(16 << 20))
        print("allocated 1 GiB")
    """
    result = attack(sandbox, code, token, Limits(wall_s=10, cpu_s=4, memory_mb=256))
    assert result.status == "memory", result


def test_memory_bomb_across_processes(sandbox, token):
    code = """
        import os
        for _ in range(6):
            if os.fork() == 0:
                break
        chunks = []
        try:
            for _ in range(64):  # 512 MiB ceiling per process (7 processes)
                chunks.append(bytearray(8 << 20))
        except MemoryError:
            os._exit(0 if len(chunks) else 1)
        os._exit(2)  # the limit never came
    """
    # Each process zero-fills up to its limit (7 x 128 MiB); the clock is a generous
    # ceiling so that a loaded machine does not turn memory exhaustion into a timeout.
    result = attack(sandbox, code, token, Limits(wall_s=10, cpu_s=4, memory_mb=128, max_procs=16))
    assert result.status in ("ok", "memory"), result
    assert result.exit_code != 2, result


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
    result = attack(sandbox, "import os, signal; os.kill(os.getpid(), signal.SIGSTOP)", token, HANG)
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
    limits = Limits(wall_s=15, cpu_s=10, output_bytes=1 << 16)
    result = attack(sandbox, code, token, limits)
    assert result.status == "output_limit", result  # ended by the cap, long before the clock
    assert len(result.stdout) <= 1 << 16 and len(result.stderr) <= 1 << 16


def test_filling_the_disk(isolating, token):
    """Writing until the disk is full stops at ``disk_mb`` per bounded directory; the host keeps its space.

    bwrap's user-namespace mode keeps the workdir on the host's disk, bounded
    per file (``RLIMIT_FSIZE``, see test_runs) but not in total (documented), so
    there only its size-bounded ``/tmp`` is filled.
    """
    whole_workdir_bounded = not (isolating.name == "bwrap" and isolating.mode == "userns")
    targets = ["/work", "/tmp"] if whole_workdir_bounded else ["/tmp"]
    before = {p: shutil.disk_usage(p).free for p in ("/", "/tmp", "/dev/shm") if os.path.isdir(p)}
    code = f"""
        import errno
        written, err = 0, None
        block = b"z" * (1 << 20)
        for target in {targets!r}:
            try:
                for i in range(100):  # 400 MiB ceiling per directory, far above disk_mb
                    with open(f"{{target}}/fill{{i}}", "wb") as fh:
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
    assert int(written) <= len(targets) * 64 + 8  # each directory bounded by disk_mb
    after = {p: shutil.disk_usage(p).free for p in before}
    for path, free in before.items():  # everything it wrote is gone again
        assert free - after[path] < 200 << 20, (path, free, after[path])


def test_detached_daemon_does_not_outlive_the_run(sandbox, token):
    reason = daemon_containment_gap(sandbox)
    if reason:
        pytest.skip(f"{reason} (documented)")
    code = """
        import os, signal, time
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                for fd in (0, 1, 2):
                    os.close(fd)
                signal.signal(signal.SIGHUP, signal.SIG_IGN)
                signal.signal(signal.SIGTERM, signal.SIG_IGN)
                for _ in range(600):  # dies by itself within a minute if nothing kills it
                    time.sleep(0.1)
            os._exit(0)
        time.sleep(0.3)
        print("parent exits", flush=True)
    """
    result = attack(sandbox, code, token, Limits(wall_s=15, cpu_s=2))
    assert result.status == "ok" and result.stdout == b"parent exits\n", result
    assert result.wall_s < 10  # did not wait for the daemon (it lives a minute)
    # the token fixture proves no process with the run's token is alive any more


PID_PROBE = """
    import json, os
    seen = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                seen.append(open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\\0", b" ").decode())
            except OSError:
                pass
    print(json.dumps(seen))
"""


@pytest.fixture
def canary_process():
    """A host process of this test (``sleep`` with a unique argument), and that argument."""
    marker = f"{300 + secrets.randbelow(100)}.{secrets.randbelow(10**8):08d}"
    proc = subprocess.Popen(["sleep", marker], start_new_session=True)
    try:
        yield proc, marker
    finally:
        if proc.poll() is None:
            proc.kill()  # by its own pid: the one process this fixture started
        proc.wait()


def test_killing_the_parent_and_everything(isolating, token, canary_process):
    """kill(-1), kill(1), the parent and a host canary by pid: nothing outside the sandbox dies.

    Aimed at "everything", so it runs only after a probe through the same
    backend shows a private pid namespace (the canary, a host process, is not
    visible and few processes are); the host target is the test's own canary.
    """
    canary, marker = canary_process
    probe = hostile(isolating, PID_PROBE, token, Limits(wall_s=10, cpu_s=5))
    visible = json.loads(probe.stdout)
    if any(marker in cmd for cmd in visible) or len(visible) > 8:
        pytest.fail(f"the sandbox shares the host's pid namespace; not running kill(-1): {visible[:20]}")
    parent = os.getpid()
    code = f"""
        import os, signal, subprocess
        for target in ({canary.pid}, os.getppid(), 1, -1):
            for sig in (signal.SIGKILL, signal.SIGTERM):
                try:
                    os.kill(target, sig)
                except OSError:
                    pass
        subprocess.run(["sh", "-c", "kill -9 -1; kill -9 0"])
        print("still here")
    """
    result = hostile(isolating, code, token, Limits(wall_s=10, cpu_s=2))
    assert os.getpid() == parent  # we are alive, and so is the rest of the test run
    assert canary.poll() is None, "a host process was killed from inside the sandbox"
    assert result.status in ("ok", "signal"), result


def test_segfault(sandbox, token):
    result = attack(sandbox, "import ctypes; ctypes.string_at(0)", token)
    assert result.status == "signal" and result.signal == signal.SIGSEGV, result


def test_unbounded_recursion(sandbox, token):
    plain = attack(sandbox, "def f(): return f()\nf()", token)
    assert plain.status == "ok" and plain.exit_code == 1 and b"RecursionError" in plain.stderr
    # With the recursion limit lifted, how it ends depends on the interpreter: a C stack
    # overflow (SIGSEGV), MemoryError, or (3.11+, frames on the heap) a SystemError exit
    # once the address space is used up. Any of these, or the clock, is contained; the
    # memory limit is small so that the heap runs out in about a second.
    deep = attack(sandbox, "import sys\nsys.setrecursionlimit(10**9)\ndef f(): return f()\nf()", token,
                  Limits(wall_s=4, cpu_s=3, memory_mb=96))
    assert deep.status in ("signal", "memory", "timeout") or (deep.status == "ok" and deep.exit_code != 0), deep


@pytest.mark.parametrize("then", ["exit", "hang"])
def test_closing_stdout_and_stderr(sandbox, token, then):
    code = "import os, time\nos.close(1)\nos.close(2)\n" + ("os._exit(0)" if then == "exit" else
                                                           "while True: time.sleep(1)")
    result = attack(sandbox, code, token, QUICK if then == "exit" else HANG)
    assert result.status == ("ok" if then == "exit" else "timeout"), result


def test_deleting_its_own_workdir(sandbox, token):
    """Safe on every backend: removes only the contents of its cwd and the cwd itself.

    The program first proves its cwd is the run's fresh workdir (it holds
    exactly the marker file this test put there) and refuses otherwise.
    """
    code = f"""
        import os, sys
        cwd = os.getcwd()
        if os.listdir(cwd) != ["marker.txt"] or open("marker.txt").read() != {token!r}:
            print("refusing: cwd", cwd, "is not the fresh workdir")
            sys.exit(3)
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
    result = attack(sandbox, code, token, files={"marker.txt": token})
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
    reason = daemon_containment_gap(sandbox)
    if reason:
        pytest.skip(f"{reason} (documented)")
    env = {"RLVR_TEST_TOKEN": token}
    with sandbox.session(files={"keep.py": "print('kept')"}, limits=Limits(wall_s=20, max_procs=16)) as ws:
        for code in ("import sys\nwhile True: sys.stdout.write('x' * 65536)",
                     FORK_BOMB,
                     "import os, time\nif os.fork() == 0:\n    os.setsid(); time.sleep(30)\nprint('bye')"):
            result = ws.run(["python3", "-c", code], env=env,
                            limits=Limits(wall_s=1.5, max_procs=16, output_bytes=1 << 16))
            assert result.status in ("ok", "timeout", "output_limit"), result
        again = ws.run(["python3", "keep.py"], env=env)
        assert again.ok and again.stdout == b"kept\n", again
