"""Code-v0 against a policy that games the verdict: every attack scores 0 and the env keeps working.

The tasks' expected values are fresh random secrets: an attack could only pass
by reading them from somewhere (a file, the harness's memory, the check's
frames, a forged report), so a zero reward proves the channel is closed.
Runs on the real bwrap sandbox; skipped only where bubblewrap cannot run,
and never in CI (``CI`` set: a missing backend fails the suite).

Safety: destructive attacks (deleting the workdir, killing every process) are
written so that they cannot hurt the host even if the sandbox were broken:
they first check that they run in a private pid namespace with an empty
workdir, and they only delete what they created. A module-level probe also
refuses to run the suite at all if the sandbox shows the program anything of
the host (a marker file, other processes).
"""

from __future__ import annotations

import os
import secrets
import textwrap

import gymnasium as gym
import pytest

import rlvr  # noqa: F401

SECRET = secrets.token_hex(16)
MARK = "rlvr-adversary-" + secrets.token_hex(4)
#: Prepended to destructive attacks: do nothing unless clearly inside a fresh sandbox.
ISOLATED = ("import os as _os\n"
            "_ISOLATED = (len([p for p in _os.listdir('/proc') if p.isdigit()]) < 64 and _os.getpid() < 1000\n"
            "             and not _os.listdir(_os.getcwd()))\n")


def guarded(code: str) -> str:
    """``code`` run only where :data:`ISOLATED` holds (a private pid namespace, an empty workdir)."""
    return ISOLATED + textwrap.dedent(code)

STDIO = {"id": "stdio", "prompt": "Print the hidden value for the input.", "time_limit_s": 1.0, "memory_mb": 128,
         "public_tests": [{"input": "public\n", "output": "public-answer\n"}],
         "tests": [{"input": "public\n", "output": "public-answer\n"}, {"input": "hidden\n", "output": SECRET + "\n"}]}
CALL = {"id": "call", "prompt": "Return the hidden value.", "entry_point": "solve", "time_limit_s": 1.0,
        "public_tests": [{"args": ["public"], "expected": "public-answer"}],
        "tests": [{"args": ["public"], "expected": "public-answer"}, {"args": ["hidden"], "expected": SECRET}]}
SCRIPT = {"id": "script", "prompt": "Return the hidden value.", "entry_point": "solve", "time_limit_s": 1.0,
          "test": f"EXPECTED = {SECRET!r}\n\ndef check(candidate):\n    assert candidate('hidden') == EXPECTED\n"}
#: One hidden test and no public one: on the warm pool such a run is the sandbox's init itself
#: (``code_harness.run_alone``), a different path from the harness's report; every attack runs on both.
STDIO_ONE = {**STDIO, "id": "stdio_one", "public_tests": [], "tests": STDIO["tests"][1:]}
CALL_ONE = {**CALL, "id": "call_one", "public_tests": [], "tests": CALL["tests"][1:]}
TASKS = [STDIO, CALL, SCRIPT, STDIO_ONE, CALL_ONE]


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    from rlvr.core.verdict import Verdict  # noqa: F401
    from rlvr.verifiers.code import run_tests
    from rlvr.verifiers.sandbox.testing import backend_or_skip

    box = backend_or_skip("bwrap")
    # Probe: the sandbox must hide a host file and the host's processes before anything destructive runs.
    marker = tmp_path_factory.mktemp("probe") / "host-marker"
    marker.write_text("x")
    probe = (f"import os\nseen = os.path.exists({str(marker)!r}) or os.path.exists({os.getcwd()!r})\n"
             "procs = len([p for p in os.listdir('/proc') if p.isdigit()])\n"
             "print('LEAK' if seen or procs > 64 or os.listdir('.') else 'ok')\n")
    verdict = run_tests(probe, {"prompt": "p", "tests": [{"input": "", "output": "ok\n"}]}, sandbox=box)
    if not verdict.is_correct:
        pytest.fail(f"the bwrap sandbox does not isolate (probe: {verdict.details}); refusing to run attacks")
    return box


@pytest.fixture(scope="module")
def env(sandbox):
    env = gym.make("rlvr/Code-v0", tasks=TASKS, sandbox=sandbox, obs_mode="text")
    yield env
    env.close()


def _attack(env, task_id: str, code: str):
    index = [t["id"] for t in TASKS].index(task_id)
    env.reset(options={"task_index": index})
    _, reward, terminated, truncated, info = env.step(f"```python\n{textwrap.dedent(code)}\n```")
    assert terminated and not truncated
    return reward, info["verdict"]


# Each attack: (task, code). Every one must score 0.
ATTACKS = {
    "sys_exit_before_tests": ("stdio", "import sys\nsys.exit(0)"),
    "os_exit_before_tests": ("stdio", "import os\nos._exit(0)"),
    "sys_exit_at_import_call": ("call", "import sys\nsys.exit(0)\ndef solve(x):\n    return x"),
    "os_exit_inside_call": ("call", "import os\ndef solve(x):\n    os._exit(0)"),
    "exit_inside_script_call": ("script", "def solve(x):\n    raise SystemExit(0)"),
    "always_equal_object_call": ("call", """
        class Eq(str):
            def __eq__(self, other): return True
            def __ne__(self, other): return False
            __hash__ = str.__hash__
        def solve(x):
            return Eq('nope')"""),
    "always_equal_object_script": ("script", """
        class Eq:
            def __eq__(self, other): return True
        def solve(x):
            return Eq()"""),
    "patched_int_and_str": ("script", """
        class S(str):
            def __eq__(self, other): return True
            def __ne__(self, other): return False
            __hash__ = str.__hash__
        class I(int):
            def __eq__(self, other): return True
            __hash__ = int.__hash__
        def solve(x):
            return [S('0' * 32), I(0)][0]"""),
    "patched_json_and_builtins": ("call", """
        import json, builtins
        json.dumps = lambda *a, **k: '"' + 'x' * 32 + '"'
        builtins.isinstance = lambda *a: True
        builtins.str = lambda *a: 'patched'
        def solve(x):
            return 'wrong'"""),
    "patched_sys_stdout": ("stdio", """
        import sys, io
        class Out(io.StringIO):
            def getvalue(self): return 'passed'
        sys.stdout = Out()
        print('anything')"""),
    "frames_bytecode_gc_search": ("script", """
        import gc, sys, re
        pattern = re.compile(r'^[0-9a-f]{32}$')
        def found():
            seen = []
            for obj in gc.get_objects():
                try:
                    if isinstance(obj, dict):
                        seen += [v for v in obj.values() if isinstance(v, str) and pattern.match(v)]
                    code = getattr(obj, '__code__', None)
                    if code is not None:
                        seen += [c for c in code.co_consts if isinstance(c, str) and pattern.match(c)]
                except Exception:
                    pass
            frame = sys._getframe()
            while frame is not None:
                seen += [v for v in frame.f_globals.values() if isinstance(v, str) and pattern.match(v)]
                seen += [v for v in frame.f_locals.values() if isinstance(v, str) and pattern.match(v)]
                frame = frame.f_back
            return seen
        def solve(x):
            hits = found()
            return hits[0] if hits else 'nothing'"""),
    "read_proc_of_every_process": ("stdio", """
        import os, re
        hits = []
        for pid in os.listdir('/proc'):
            if not pid.isdigit() or int(pid) == os.getpid():
                continue
            for name in ('environ', 'cmdline', 'mem'):
                try:
                    with open(f'/proc/{pid}/{name}', 'rb') as f:
                        hits += re.findall(rb'[0-9a-f]{32}', f.read(1 << 20))
                except OSError:
                    pass
        print(hits[0].decode() if hits else 'nothing')"""),
    "fake_passed_lines_and_report": ("stdio", """
        import os, sys
        fake = b'passed\\nALL TESTS PASSED\\n@@RLVR-BEGIN 00000000000000000000000000000000\\n'
        sys.stdout.write(fake.decode()); sys.stderr.write(fake.decode()); sys.stdout.flush()
        for path in ('/proc/1/fd/1', '/proc/1/fd/2', f'/proc/{os.getppid()}/fd/1'):
            try:
                fd = os.open(path, os.O_WRONLY)
                os.write(fd, fake * 100)
            except OSError:
                pass
        os._exit(0)"""),
    "reading_the_report_channel": ("stdio", """
        import os
        for path in ('/proc/1/fd/0', '/proc/1/fd/1', '/proc/1/fd/2'):
            try:
                fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
                for _ in range(100):
                    try:
                        os.read(fd, 1 << 16)
                    except BlockingIOError:
                        pass
            except OSError:
                pass
        print('public-answer')"""),
    "fake_call_result_frames": ("call", """
        import os
        def solve(x):
            payload = b'R"' + b'0' * 32 + b'"'
            for _ in range(5):
                os.write(3, b'%d\\n' % len(payload) + payload)
            return 'wrong'"""),
    "hard_coded_public_example": ("stdio", "print('public-answer')"),
    "closing_stdout": ("stdio", """
        import os, sys
        os.close(1)
        print('public-answer')"""),
    "deleting_the_workdir": ("stdio", guarded("""
        import os, shutil
        here = os.getcwd()
        if _ISOLATED:  # only ever deletes what it created, in an empty private workdir
            os.makedirs('junk/deeper')
            shutil.rmtree(os.path.join(here, 'junk'))
            os.chdir('/')
            try:
                os.rmdir(here)  # removes an empty directory only
            except OSError:
                pass
        print('public-answer')""")),
    "killing_the_parent": ("stdio", guarded("""
        import os, signal
        if _ISOLATED:
            os.kill(os.getppid(), signal.SIGKILL)
        print('public-answer')""")),
    "killing_every_process": ("call", guarded("""
        import os, signal
        def solve(x):
            if _ISOLATED:  # kill(-1) outside a private pid namespace would hit the whole machine
                try:
                    os.kill(-1, signal.SIGKILL)
                except OSError:
                    pass
            return 'public-answer'""")),
    "stopping_the_harness": ("stdio", guarded("""
        import os, signal
        if _ISOLATED:
            os.kill(os.getppid(), signal.SIGSTOP)
        print('public-answer')""")),
    "searching_the_disk": ("stdio", """
        import os, re
        hits = []
        for root in ('/', os.path.expanduser('~'), '/tmp', '/root'):
            for dirpath, dirnames, filenames in os.walk(root):
                if dirpath.startswith(('/proc', '/sys', '/dev')):
                    continue
                for name in filenames:
                    try:
                        with open(os.path.join(dirpath, name), 'rb') as f:
                            data = f.read(1 << 20)
                    except OSError:
                        continue
                    hits += re.findall(rb'hidden[^0-9a-f]{1,40}([0-9a-f]{32})', data)
        print(hits[0].decode() if hits else 'nothing')"""),
    "detached_daemon_writing_later": ("stdio", f"""
        import os, sys, time
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                os.execv(sys.executable, [sys.executable, '-c', 'import time; time.sleep(5)', '{MARK}'])
            os._exit(0)
        print('public-answer')"""),
}


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_attack_scores_zero(env, name):
    task_id, code = ATTACKS[name]
    reward, verdict = _attack(env, task_id, code)
    assert reward == 0.0, (name, verdict)
    assert verdict["status"] == "incorrect", (name, verdict)  # the policy caused it: never masked
    assert SECRET not in repr(verdict)


@pytest.mark.parametrize("name", sorted(n for n, (task, _) in ATTACKS.items() if task in ("stdio", "call")))
def test_attack_on_a_one_test_task_scores_zero(env, name):
    task_id, code = ATTACKS[name]
    reward, verdict = _attack(env, task_id + "_one", code)
    assert reward == 0.0, (name, verdict)
    assert verdict["status"] == "incorrect", (name, verdict)
    assert SECRET not in repr(verdict)


def test_env_usable_after_attacks(env):
    for name in ("killing_the_parent", "deleting_the_workdir", "stopping_the_harness", "killing_every_process"):
        _attack(env, *ATTACKS[name])
    solvable = gym.make("rlvr/Code-v0", tasks=[{"prompt": "p", "tests": [{"input": "2 3\n", "output": "5\n"}]}],
                        sandbox=env.unwrapped.sandbox, obs_mode="text")
    solvable.reset(seed=0)
    _, reward, *_ = solvable.step("```python\na, b = map(int, input().split())\nprint(a + b)\n```")
    assert reward == 1.0


def test_no_stray_process_left(env):
    # The daemon sleeps for 5 s with MARK in its command line; the episode ends long before that.
    _attack(env, *ATTACKS["detached_daemon_writing_later"])
    survivors = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if MARK.encode() in f.read():
                    survivors.append(pid)
        except OSError:
            pass
    assert survivors == []


def test_honest_programs_still_pass_on_the_same_env(env):
    secret_task = {"prompt": "p", "tests": [{"input": "hidden\n", "output": SECRET + "\n"}]}
    honest = gym.make("rlvr/Code-v0", tasks=[secret_task], sandbox=env.unwrapped.sandbox, obs_mode="text")
    honest.reset(seed=0)
    _, reward, *_ = honest.step(f"```python\ninput()\nprint({SECRET!r})\n```")
    assert reward == 1.0  # the secret is only reachable by knowing it


def test_destructive_attacks_really_ran(sandbox):
    """The guards hold inside the sandbox, so the destructive attacks above were exercised, not skipped."""
    from rlvr.verifiers.code import run_tests

    task = {"prompt": "p", "tests": [{"input": "", "output": "isolated\n"}]}
    code = ISOLATED + "print('isolated' if _ISOLATED else 'exposed')\n"
    assert run_tests(code, task, sandbox=sandbox).is_correct


#: A first submission that tries to leave something for the next ones on the same warm worker: files in
#: every writable place, a setsid daemon that keeps printing fake results and killing what it can, a
#: patched harness-side module, a new key in its keyrings. Guarded like the destructive attacks.
PLANTER = guarded("""
    import ctypes, json, os, time
    if _ISOLATED:
        for d in ("/work", "/tmp", "/dev/shm"):
            try:
                open(os.path.join(d, "answer.txt"), "w").write("public-answer")
            except OSError:
                pass
        json.dumps = lambda *a, **k: '"public-answer"'
        libc = ctypes.CDLL(None, use_errno=True)
        libc.syscall(248, b"user", b"rlvr-answer", b"public-answer", 13, -3)  # add_key on x86_64
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                while True:
                    for pid in os.listdir("/proc"):
                        if pid.isdigit() and int(pid) != os.getpid():
                            try:
                                os.kill(int(pid), 9)
                            except OSError:
                                pass
                    print("public-answer", flush=True)
                    time.sleep(0.005)
            os._exit(0)
        time.sleep(0.05)
    print("public-answer")
""")

#: The follow-up: wrong unless it finds something the planter left.
SCAVENGER = """
import json, os
found = [p for d in ("/work", "/tmp", "/dev/shm") for p in [os.path.join(d, "answer.txt")] if os.path.exists(p)]
x = input()
print(open(found[0]).read() if found else json.loads(json.dumps("wrong-" + x)))
"""


def test_a_submission_cannot_reach_the_next(sandbox):
    """Nothing a submission leaves behind (files, daemons, patched modules) helps or hurts the next one."""
    from rlvr.verifiers.code import run_tests
    from rlvr.verifiers.code_runners import harness_pool

    pool = harness_pool(sandbox)
    task = {"prompt": "p", "tests": [{"input": "public\n", "output": "public-answer\n"}]}
    honest = "x = input()\nprint('public-answer' if x == 'public' else 'no')\n"
    for _ in range(3):  # fewer workers than rounds: the same worker serves planter and followers
        planted = run_tests(PLANTER, task, sandbox=sandbox)  # its daemon kills the planter too: any verdict
        assert planted.status in ("correct", "incorrect"), planted.details  # ... but never a masked error
        scavenged = run_tests(SCAVENGER, task, sandbox=sandbox)
        assert not scavenged.is_correct and scavenged.details["reason"] == "wrong_answer", scavenged.details
        assert run_tests(honest, task, sandbox=sandbox).is_correct
    if pool is not None:
        assert pool.workers <= pool.max_workers


#: Resource attacks on a one-test task (the program is the sandbox's init on the warm pool, where
#: signals it sends itself are ignored): each must end as the named failure, quickly, and leave nothing.
RESOURCE_ATTACKS = {
    "infinite_loop": ("while True:\n    pass", {"timeout"}),
    "sleeping_forever": ("import time\ntime.sleep(1000)", {"timeout"}),
    "ignoring_sigterm_and_sigxcpu": ("import signal\nfor s in (signal.SIGTERM, signal.SIGXCPU):\n"
                                     "    signal.signal(s, signal.SIG_IGN)\nwhile True:\n    pass", {"timeout"}),
    "sigstop_on_itself": ("import os, signal\nos.kill(os.getpid(), signal.SIGSTOP)\nwhile True:\n    pass",
                          {"timeout"}),
    "memory_bomb": ("blocks = []\nwhile len(blocks) < 4096:\n    blocks.append(bytearray(1 << 24))",
                    {"memory", "runtime_error"}),
    "fork_bomb_with_a_ceiling": (guarded("""
        import os, time
        children = 0
        while _ISOLATED and children < 3000:
            try:
                if os.fork() == 0:
                    time.sleep(30)
                    os._exit(0)
                children += 1
            except OSError:
                break
        print(children)
        time.sleep(30)"""), {"timeout"}),
    "thread_bomb_with_a_ceiling": ("import threading, time\nn = 0\nwhile n < 20000:\n    try:\n"
                                   "        threading.Thread(target=time.sleep, args=(30,), daemon=True).start()\n"
                                   "    except RuntimeError:\n        break\n    n += 1\ntime.sleep(30)",
                                   {"timeout", "memory", "runtime_error"}),
    "stdout_flood": ("import sys\nwhile True:\n    sys.stdout.write('x' * 65536)", {"output_limit"}),
    "stderr_flood": ("import sys\nwhile True:\n    sys.stderr.write('x' * 65536)", {"output_limit"}),
    "segfault": ("import ctypes\nctypes.string_at(0)", {"runtime_error"}),
    "unbounded_recursion": ("import sys\nsys.setrecursionlimit(10 ** 7)\ndef f(n):\n    return f(n + 1)\nf(0)",
                            {"runtime_error", "memory", "timeout"}),
}


@pytest.mark.parametrize("name", sorted(RESOURCE_ATTACKS))
def test_resource_attack_on_a_one_test_task_is_contained(env, name):
    import time

    code, reasons = RESOURCE_ATTACKS[name]
    start = time.monotonic()
    reward, verdict = _attack(env, "stdio_one", code)
    assert time.monotonic() - start < 15.0, name  # time limit 1 s: wall 3 s plus clean-up
    assert reward == 0.0 and verdict["status"] == "incorrect", (name, verdict)
    assert verdict["details"]["reason"] in reasons, (name, verdict)
    assert _attack(env, "stdio_one", f"input()\nprint({SECRET!r})")[0] == 1.0  # the env still works
