"""The warm bwrap pool: every run is a fresh sandbox, and nothing of one run reaches the next.

The pool here has ONE worker, so consecutive runs are forked from the same
zygote: each test plants something in a first run (files, a daemon, a key, a
patched module, global state) and proves a second run on the same worker
cannot see or feel it. The adversarial suites run ``BwrapSandbox().run``, which
forks its runs from such a pool, as the ``bwrap`` backend, and a bwrap per run
as ``bwrap-fresh`` (tests/adversarial/test_sandbox_*.py).
"""

from __future__ import annotations

import json
import os
import textwrap
import time

import pytest

from rlvr.verifiers.sandbox import Limits
from rlvr.verifiers.sandbox.testing import backend_or_skip, leftovers, new_token

PROGRAM = textwrap.dedent("""
    import json as _json
    COUNTER = [0]

    def main():
        import sys
        COUNTER[0] += 1
        code = sys.stdin.read()
        scope = {"__name__": "__main__", "COUNTER": COUNTER}
        exec(code, scope)
""")
L = Limits(wall_s=20, cpu_s=10)


@pytest.fixture(scope="module")
def pool():
    from rlvr.verifiers.sandbox.pool import BwrapPool

    box = backend_or_skip("bwrap")
    pool = BwrapPool(box, PROGRAM, preload=("json",), max_workers=1)
    yield pool
    pool.close()


def warm(pool, code: str, token: str | None = None, limits: Limits = L):
    env = {"RLVR_TEST_TOKEN": token} if token else None
    return pool.run_warm(stdin=textwrap.dedent(code), limits=limits, env=env)


def test_warm_run_is_a_fresh_unprivileged_sandbox(pool):
    result = warm(pool, """
        import json, os
        status = open("/proc/self/status").read()
        caps = sorted({l.split()[1] for l in status.splitlines() if l.startswith(("CapEff", "CapPrm", "CapBnd"))})
        nnp = [l.split()[1] for l in status.splitlines() if l.startswith("NoNewPrivs")]
        pids = sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
        print(json.dumps([os.getpid(), pids, os.getuid(), caps, nnp, os.getcwd(), os.listdir("."),
                          sorted(os.environ)]))
    """)
    assert result.ok, result
    pid, pids, uid, caps, nnp, cwd, listing, env = json.loads(result.stdout)
    assert pid == 1 and pids == [1]          # its own pid namespace: the zygote is invisible
    assert uid != 0 and caps == ["0000000000000000"] and nnp == ["1"]
    assert cwd == "/work" and listing == []
    assert "RLVR_TEST_TOKEN" not in env and env == sorted(env)


def test_same_worker_is_reused(pool):
    for _ in range(3):
        assert warm(pool, "print('x')").ok
    assert pool.workers == 1


def test_files_of_a_run_are_gone_in_the_next(pool):
    first = warm(pool, """
        import os
        for d in ("/work", "/tmp", "/dev/shm"):
            open(os.path.join(d, "planted"), "w").write("x")
        os.makedirs("/work/sub/dir")
        print("planted")
    """)
    assert first.ok and first.stdout == b"planted\n", first
    second = warm(pool, """
        import os
        print(sorted(os.listdir("/work")), sorted(os.listdir("/tmp")), sorted(os.listdir("/dev/shm")))
    """)
    assert second.ok and second.stdout == b"[] [] []\n", second


def test_read_only_everything_else(pool):
    result = warm(pool, """
        import os
        fails = []
        for path in ("/dev/planted", "/planted", "/usr/planted", "/etc/planted", "/proc/planted"):
            try:
                open(path, "w").write("x")
            except OSError:
                fails.append(path)
        open("/dev/null", "w").write("still works")
        print(len(fails))
    """)
    assert result.ok and result.stdout == b"5\n", result


def test_daemon_of_a_run_does_not_survive_it(pool):
    token = new_token()
    first = warm(pool, """
        import os, time
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                while True:
                    try:
                        open("/tmp/daemon-was-here", "w").write("x")
                    except OSError:
                        pass
                    time.sleep(0.01)
            os._exit(0)
        time.sleep(0.1)
        print("spawned")
    """, token)
    assert first.ok and first.stdout == b"spawned\n", first
    assert not leftovers(token).processes
    second = warm(pool, """
        import os, time
        time.sleep(0.1)
        print([p for p in os.listdir("/proc") if p.isdigit()], os.listdir("/tmp"))
    """)
    assert second.ok and second.stdout == b"['1'] []\n", second


def test_zygote_state_is_untouched_by_runs(pool):
    first = warm(pool, """
        import json, sys
        json.dumps = lambda *a, **k: "patched"
        sys.modules["planted_module"] = object()
        COUNTER[0] += 100
        print(COUNTER[0])
    """)
    assert first.ok, first
    second = warm(pool, """
        import json, sys
        print(json.dumps([1]), "planted_module" in sys.modules, COUNTER[0])
    """)
    assert second.ok and second.stdout == b"[1] False 1\n", second


def test_network_and_ipc_state_do_not_cross_runs(pool):
    # Runs of one worker share its network namespace (one after the other): a port, an abstract
    # Unix name and a listener a run leaves behind must all be gone in the next run. SysV IPC
    # objects outlive their processes, so each run has its own IPC namespace.
    plant = """
        import ctypes, os, socket, time
        tcp = socket.socket(); tcp.bind(("127.0.0.1", 47011)); tcp.listen(1)
        unix = socket.socket(socket.AF_UNIX); unix.bind("\\0rlvr-planted"); unix.listen(1)
        libc = ctypes.CDLL(None, use_errno=True)
        shm = libc.shmget(0x5EC7E7, 4096, 0o1666)  # IPC_CREAT | 0666, left behind on purpose
        if os.fork() == 0:           # a child that would keep them open, killed with the run
            time.sleep(60)
        print(shm >= 0)
    """
    first = warm(pool, plant)
    assert first.ok and first.stdout == b"True\n", first
    probe = """
        import ctypes, socket
        out = []
        tcp = socket.socket(); tcp.bind(("127.0.0.1", 47011)); out.append("port free")
        unix = socket.socket(socket.AF_UNIX); unix.bind("\\0rlvr-planted"); out.append("name free")
        c = socket.socket()
        out.append("connected" if c.connect_ex(("127.0.0.1", 47012)) == 0 else "nobody listening")
        libc = ctypes.CDLL(None, use_errno=True)
        out.append("shm gone" if libc.shmget(0x5EC7E7, 0, 0) == -1 else "shm found")
        print(out)
    """
    second = warm(pool, probe)
    assert second.ok, second
    assert second.stdout == b"['port free', 'name free', 'nobody listening', 'shm gone']\n", second


def test_keys_do_not_cross_runs(pool):
    if os.uname().machine != "x86_64":
        pytest.skip("the keyring probe uses x86_64 syscall numbers")
    # add_key = 248, keyctl = 250 (KEYCTL_SEARCH = 10); -3 session keyring, -4 user keyring
    keys = """
        import ctypes, os
        libc = ctypes.CDLL(None, use_errno=True)
        def add(ring):
            return libc.syscall(248, b"user", b"rlvr-planted", b"secret", 6, ring)
        def find(ring):
            return libc.syscall(250, 10, ring, b"user", b"rlvr-planted", 0)
    """
    keys = textwrap.dedent(keys)
    first = warm(pool, keys + "print([add(-3) > 0 or ctypes.get_errno(), add(-4) > 0 or ctypes.get_errno()])\n")
    assert first.ok, first
    second = warm(pool, keys + "print([find(-3), find(-4)])\n")
    assert second.ok and second.stdout == b"[-1, -1]\n", second


def test_each_run_gets_its_own_uid_as_root(pool):
    if os.geteuid() != 0:
        pytest.skip("per-run uids are the root mode's; user-namespace mode maps the caller")
    uids = {warm(pool, "import os; print(os.getuid())").stdout for _ in range(3)}
    assert len(uids) == 3


def test_no_namespace_tricks_without_capabilities(pool):
    result = warm(pool, """
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        print(libc.unshare(0x00020000), libc.unshare(0x40000000), libc.sethostname(b"x", 1))
    """)
    assert result.ok and result.stdout == b"-1 -1 -1\n", result


def test_timeout_kills_the_run_and_the_worker_keeps_working(pool):
    token = new_token()
    start = time.monotonic()
    result = warm(pool, "import os\nos.fork()\nwhile True:\n    pass\n", token, Limits(wall_s=0.5, cpu_s=10))
    assert result.status == "timeout" and time.monotonic() - start < 5, result
    assert not leftovers(token).processes
    assert warm(pool, "print(42)").stdout == b"42\n"
    assert pool.workers == 1


def test_exit_codes_signals_and_output_cap(pool):
    assert warm(pool, "raise SystemExit(3)").exit_code == 3
    assert warm(pool, "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)").status in ("ok", "signal")
    flood = warm(pool, "import os\nwhile True:\n    os.write(1, b'x' * 65536)",
                 limits=Limits(wall_s=20, output_bytes=1 << 16))
    assert flood.status == "output_limit", flood
    assert warm(pool, "print(1)").ok


def test_exec_runs_have_bwrap_run_semantics(pool):
    result = pool.run(["python3", "-c", "import os, sys; print(open('in.txt').read(), sys.stdin.read()); "
                       "sys.exit(4)"], files={"in.txt": "file"}, stdin="stdin", limits=L)
    assert result.status == "ok" and result.exit_code == 4 and result.stdout == b"file stdin\n", result
    collected = pool.run(["sh", "-c", "echo out > made.txt"], collect=["made.txt"], limits=L)
    assert collected.ok and collected.files == {"made.txt": b"out\n"}
    missing = pool.run(["/nonexistent-binary"], limits=L)
    assert missing.exit_code == 127


def test_a_dead_worker_is_replaced(pool):
    assert warm(pool, "print(1)").ok
    with pool._cond:
        worker = pool._idle[0]
    worker.proc.kill()  # the bwrap process this pool started
    worker.proc.wait()
    result = warm(pool, "print(2)")
    assert result.ok and result.stdout == b"2\n", result


def test_close_stops_every_worker_and_refuses_runs():
    from rlvr.verifiers.sandbox.pool import BwrapPool

    box = backend_or_skip("bwrap")
    pool = BwrapPool(box, PROGRAM, max_workers=2)
    assert warm(pool, "print(1)").ok
    procs = [w.proc for w in pool._idle]
    pool.close()
    assert procs and all(p.poll() is not None for p in procs)
    assert pool.run_warm(stdin="print(1)").status == "error"
    pool.close()  # idempotent


def test_code_verifier_uses_a_pool_for_bwrap():
    from rlvr.verifiers.code import run_tests
    from rlvr.verifiers.code_runners import harness_pool

    box = backend_or_skip("bwrap")
    task = {"tests": [{"input": "2 3\n", "output": "5\n"}]}
    assert run_tests("a, b = map(int, input().split())\nprint(a + b)", task, sandbox=box).is_correct
    pool = harness_pool(box)
    assert pool is not None and pool.workers >= 1


def test_a_forked_process_gets_its_own_pool():
    from rlvr.verifiers.code import run_tests
    from rlvr.verifiers.code_runners import harness_pool

    box = backend_or_skip("bwrap")
    task = {"tests": [{"input": "2 3\n", "output": "5\n"}]}
    solution = "a, b = map(int, input().split())\nprint(a + b)"
    assert run_tests(solution, task, sandbox=box).is_correct
    parent_pool = harness_pool(box)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # e.g. a vector-env worker forked after the parent judged something
        try:
            ok = run_tests(solution, task, sandbox=box).is_correct and harness_pool(box) is not parent_pool
            os.write(write, b"1" if ok else b"0")
        finally:
            os._exit(0)
    os.close(write)
    _, status = os.waitpid(pid, 0)
    assert os.read(read, 1) == b"1" and status == 0
    os.close(read)
    assert run_tests(solution, task, sandbox=box).is_correct  # the parent's pool still works


def test_bwrap_run_forks_from_its_pool_unless_told_not_to():
    from rlvr.verifiers.sandbox.bwrap import BwrapSandbox

    backend_or_skip("bwrap")
    pooled, fresh = BwrapSandbox(), BwrapSandbox(pool=False)
    code = "import os; print(os.getpid(), open('/proc/1/cmdline', 'rb').read().split(b'\\0')[0].decode())"
    for box in (pooled, fresh):
        result = box.run(["python3", "-c", code])
        assert result.ok, result
    pool = pooled.exec_pool()
    assert pool is not None and pool.workers >= 1 and fresh.exec_pool() is None
    # Same observable semantics: the program is pid 2 under the sandbox's own init.
    assert pooled.run(["python3", "-c", code]).stdout.split()[0] == b"2"
    assert fresh.run(["python3", "-c", code]).stdout.split()[0] == b"2"
    collected = pooled.run(["sh", "-c", "echo hi > out.txt"], collect=["out.txt"])  # collect: a bwrap of its own
    assert collected.ok and collected.files == {"out.txt": b"hi\n"}
    pool.close()


def test_a_copied_bwrap_sandbox_starts_its_own_pool():
    import copy
    import pickle

    from rlvr.verifiers.sandbox.bwrap import BwrapSandbox

    backend_or_skip("bwrap")
    box = BwrapSandbox()
    assert box.run(["true"]).ok and box.exec_pool() is not None
    for twin in (copy.deepcopy(box), pickle.loads(pickle.dumps(box))):  # gymnasium's check_env deep-copies
        assert twin.run(["true"]).ok and twin.exec_pool() is not box.exec_pool()
        twin.exec_pool().close()
    box.exec_pool().close()
