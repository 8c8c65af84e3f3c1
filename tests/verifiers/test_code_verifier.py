"""run_tests on the three task kinds, every verdict reason, limits and runners, in the real sandbox."""

from __future__ import annotations

import os
import shutil

import pytest

from rlvr.core.errors import ConfigError
from rlvr.verifiers.code import normalize_task, run_tests, run_tests_many


def _get(kind: str):
    from rlvr.verifiers.sandbox import SandboxUnavailable, get_sandbox

    try:
        return get_sandbox(kind)
    except SandboxUnavailable as exc:
        if os.environ.get("CI") and kind == "bwrap":
            pytest.fail(f"the bwrap sandbox must work in CI: {exc}")
        pytest.skip(f"{kind} sandbox unavailable here: {exc}")


@pytest.fixture(scope="module")
def box():
    return _get("bwrap")


ADD = {"prompt": "Print a+b.", "tests": [{"input": f"{i} {3 * i}\n", "output": f"{4 * i}\n"} for i in range(1, 9)],
       "public_tests": [{"input": "1 2\n", "output": "3\n"}], "time_limit_s": 1.0, "memory_mb": 128}
ADD_OK = "a, b = map(int, input().split())\nprint(a + b)\n"
CALL = {"prompt": "pairs", "entry_point": "pair",
        "tests": [{"args": [i], "kwargs": {"k": 2}, "expected": [i, i * 2]} for i in range(1, 6)],
        "public_tests": [{"args": [1], "expected": [1, 1]}], "time_limit_s": 1.0}
SCRIPT = {"prompt": "sum", "entry_point": "total", "time_limit_s": 1.0,
          "test": ("def helper(x):\n    return sum(x)\n\n"
                   "def check(candidate):\n"
                   "    assert candidate([1, 2, 3]) == 6\n"
                   "    assert candidate([]) == 0\n"
                   "    try:\n        candidate(None)\n        assert False\n"
                   "    except TypeError:\n        pass\n"
                   "    for n in range(20):\n        assert candidate(list(range(n))) == helper(range(n))\n"),
          "reference": "def total(xs):\n    return sum(xs)\n"}


def test_stdio_pass_and_details(box):
    v = run_tests(ADD_OK, ADD, sandbox=box)
    assert v.is_correct and v.reward == 1.0
    assert v.details["tests_passed"] == v.details["tests_total"] == 8
    assert v.details["public"] == {"passed": 1, "total": 1}


def test_wrong_answer_shows_only_the_public_test(box):
    v = run_tests("a, b = map(int, input().split())\nprint(a - b)\n", ADD, sandbox=box)
    assert v.status == "incorrect" and v.reason == "wrong_answer" and v.details["tests_passed"] == 0
    failure = v.details["public"]["first_failure"]
    assert failure["input"] == "1 2\n" and failure["expected"] == "3\n" and failure["got"] == "-1\n"
    text = repr(v.to_dict())
    assert all(t["input"] not in text for t in ADD["tests"][1:])  # no hidden input leaks


def test_hidden_failure_after_public_pass(box):
    code = "a, b = map(int, input().split())\nprint(3 if a == 1 else 0)\n"  # hard-codes the public example
    v = run_tests(code, ADD, sandbox=box)
    assert v.reason == "wrong_answer" and v.details["public"]["passed"] == 1 and v.reward == 0.0


@pytest.mark.parametrize("code, reason", [
    ("raise ValueError('boom')", "runtime_error"),
    ("import sys; sys.exit(3)", "runtime_error"),
    ("import os; os.kill(os.getpid(), 11)", "runtime_error"),
    ("while True: pass", "timeout"),
    ("import time; time.sleep(30)", "timeout"),
    ("x = bytearray(1 << 30)", "memory"),
    ("print('x' * (1 << 22))", "output_limit"),
    ("def f(:\n  pass", "compile_error"),
    ("x = 'a\x00b'", "compile_error"),
    ("   \n", "no_code"),
])
def test_failure_reasons(box, code, reason):
    v = run_tests(code, ADD, sandbox=box)
    assert (v.status, v.reason) == ("incorrect", reason), v.details
    assert v.reward == 0.0 and not v.masked


def test_compile_error_message_is_shown(box):
    v = run_tests("def f(:\n  pass", ADD, sandbox=box)
    assert "SyntaxError" in v.details["message"] and "line 1" in v.details["message"]


def test_runtime_error_on_public_shows_stderr(box):
    v = run_tests("raise ValueError('boom')", ADD, sandbox=box)
    assert "ValueError: boom" in v.details["public"]["first_failure"]["stderr"]


def test_tests_are_isolated_from_each_other(box):
    # Each test runs in a fresh fork: a global set by one test is gone in the next.
    code = "import builtins\nbuiltins.seen = getattr(builtins, 'seen', 0) + 1\nassert builtins.seen == 1\n" + ADD_OK
    assert run_tests(code, ADD, sandbox=box).is_correct


def test_sys_stdout_buffer_and_stdin_read(box):
    code = "import sys\na, b = map(int, sys.stdin.buffer.read().split())\nsys.stdout.buffer.write(b'%d\\n' % (a + b))"
    assert run_tests(code, ADD, sandbox=box).is_correct


def test_call_tasks(box):
    assert run_tests("def pair(x, k=1):\n    return (x, x * k)\n", CALL, sandbox=box).is_correct
    v = run_tests("def pair(x, k=1):\n    return [x, x]\n", CALL, sandbox=box)
    assert v.reason == "wrong_answer" and v.details["public"]["passed"] == 1
    v = run_tests("def pair(x, k=1):\n    raise KeyError(x)\n", CALL, sandbox=box)
    assert v.reason == "runtime_error" and "KeyError" in v.details["public"]["first_failure"]["got"]
    v = run_tests("def pair(x, k=1):\n    return object()\n", CALL, sandbox=box)
    assert v.reason == "wrong_answer" and "not plain data" in v.details["public"]["first_failure"]["got"]
    v = run_tests("def other(x, k=1):\n    return [x, x * k]\n", CALL, sandbox=box)
    assert v.reason == "runtime_error"


def test_call_task_with_class_method_and_float_checker(box):
    task = {"prompt": "p", "entry_point": "Solution.half", "checker": "float:1e-6",
            "tests": [{"args": [1], "expected": 0.3333333333}, {"args": [2], "expected": 0.6666666667}]}
    assert run_tests("class Solution:\n    def half(self, x):\n        return x / 3\n", task, sandbox=box).is_correct


def test_script_tasks(box):
    assert run_tests("def total(xs):\n    return sum(xs)\n", SCRIPT, sandbox=box).is_correct
    v = run_tests("def total(xs):\n    return sum(xs) + (len(xs) == 7)\n", SCRIPT, sandbox=box)
    assert v.reason == "wrong_answer" and v.reward == 0.0
    v = run_tests("def total(xs):\n    return 0 if xs is None else sum(xs)\n", SCRIPT, sandbox=box)
    assert v.reason == "wrong_answer"  # the check expected a TypeError for None
    v = run_tests("def total(xs):\n    while True: pass\n", SCRIPT, sandbox=box)
    assert v.reason == "timeout"


def test_script_task_without_reference_replans(box):
    task = {k: v for k, v in SCRIPT.items() if k != "reference"}
    task["test"] += "    x = candidate([5])\n    assert candidate([x, x]) == 10\n"  # args depend on answers
    assert run_tests("def total(xs):\n    return sum(xs)\n", task, sandbox=box).is_correct
    assert not run_tests("def total(xs):\n    return 5\n", task, sandbox=box).is_correct


def test_script_helpers_come_from_the_trusted_test_not_the_candidate(box):
    # The candidate redefines the helper the check uses; the check still uses its own.
    code = "def helper(x):\n    return 0\n\ndef total(xs):\n    return 0\n"
    assert not run_tests(code, SCRIPT, sandbox=box).is_correct


def test_run_tests_many_in_parallel(box):
    codes = [ADD_OK, "print(0)", ADD_OK, "raise SystemExit"]
    verdicts = run_tests_many(codes, [ADD] * 4, sandbox=box, workers=2)
    assert [v.is_correct for v in verdicts] == [True, False, True, False]


def test_process_backend_gives_the_same_verdicts(monkeypatch):
    from rlvr.verifiers.sandbox import get_sandbox, process

    monkeypatch.setattr(process, "_warned", False)  # the warning is once per process; another test may have had it
    with pytest.warns(RuntimeWarning):
        proc = get_sandbox("process")
    assert run_tests(ADD_OK, ADD, sandbox=proc).is_correct
    assert run_tests("print(0)", ADD, sandbox=proc).reason == "wrong_answer"
    assert run_tests("def total(xs):\n    return sum(xs)\n", SCRIPT, sandbox=proc).is_correct


def test_unavailable_sandbox_is_a_masked_error():
    class Broken:
        def run(self, *args, **kwargs):
            raise OSError("no bwrap")

    v = run_tests(ADD_OK, ADD, sandbox=Broken())
    assert v.status == "error" and v.masked and v.reward == 0.0


def test_cpp_runner(box):
    if not shutil.which("g++"):
        pytest.skip("g++ is not installed")
    code = "#include <cstdio>\nint main(){long long a,b;scanf(\"%lld %lld\",&a,&b);printf(\"%lld\\n\",a+b);}\n"
    v = run_tests(code, ADD, sandbox=box, language="cpp")
    if v.reason == "compile_error" and "not found" in v.details.get("message", "").lower():
        pytest.skip("the sandbox's view has no compiler toolchain")
    assert v.is_correct, v.details
    assert run_tests("int main( {", ADD, sandbox=box, language="cpp").reason == "compile_error"


@pytest.mark.parametrize("task", [
    {"tests": []}, {"tests": [{"input": 1, "output": "x"}]}, {"tests": [{"args": [1], "expected": 1}]},
    {"test": "def check(c): pass"}, {"entry_point": "f", "tests": [{"args": [object()], "expected": 1}]},
    {"tests": [{"input": "", "output": ""}], "time_limit_s": 0}, {"tests": [{"input": "", "output": ""}],
                                                                   "checker": "fuzzy"},
    {"entry_point": "1bad", "tests": [{"args": [], "expected": 1}]},
])
def test_invalid_tasks_are_config_errors(task):
    with pytest.raises(ConfigError):
        normalize_task(task)


def test_a_check_that_hangs_on_the_answers_is_the_programs_failure(box):
    task = {"prompt": "p", "entry_point": "f", "time_limit_s": 1.0, "reference": "def f():\n    return 1\n",
            "test": "def check(candidate):\n    n = candidate()\n    while n == 2:\n        pass\n"}
    assert run_tests("def f():\n    return 1\n", task, sandbox=box).is_correct
    from rlvr.verifiers import code

    code._PLAN_CACHE.clear()
    v = run_tests("def f():\n    return 2\n", {**task, "time_limit_s": 0.5}, sandbox=box)
    assert v.status == "incorrect" and v.reason == "timeout" and not v.masked


def _idle_check_workers() -> list:
    from rlvr.verifiers import code_script

    with code_script._lock:
        return list(code_script._idle)


def test_check_workers_are_reused_and_a_hung_one_is_replaced(box):
    from rlvr.verifiers import code

    assert run_tests("def total(xs):\n    return sum(xs)\n", SCRIPT, sandbox=box).is_correct
    idle = _idle_check_workers()
    assert idle, "a healthy worker goes back to the idle list"
    next_worker = idle[-1]  # the one the next submission of this thread gets
    assert run_tests("def total(xs):\n    return sum(xs)\n", SCRIPT, sandbox=box).is_correct
    assert _idle_check_workers()[-1] is next_worker and next_worker.process.poll() is None
    hang = {"prompt": "p", "entry_point": "f", "time_limit_s": 0.5, "reference": "def f():\n    return 1\n",
            "test": "def check(candidate):\n    n = candidate()\n    while n == 2:\n        pass\n"}
    code._PLAN_CACHE.clear()
    assert run_tests("def f():\n    return 2\n", hang, sandbox=box).reason == "timeout"
    assert next_worker not in _idle_check_workers()  # the worker that hung is not reused ...
    assert next_worker.process.poll() is not None    # ... and is gone
    assert run_tests("def total(xs):\n    return sum(xs)\n", SCRIPT, sandbox=box).is_correct


def test_a_check_that_changes_the_interpreter_does_not_affect_the_next_check(box):
    # Checks are trusted, but a worker serves many submissions: what one check changes is undone.
    vandal = {"prompt": "p", "entry_point": "f", "time_limit_s": 1.0, "reference": "def f():\n    return 1\n",
              "test": ("import builtins, math, sys\n"
                       "def check(candidate):\n"
                       "    assert candidate() == 1\n"
                       "    builtins.len = lambda x: -1\n"
                       "    builtins.AssertionError = KeyError\n"
                       "    math.isclose = lambda *a, **k: True\n"
                       "    sys.setrecursionlimit(60)\n")}
    close = {"prompt": "p", "entry_point": "f", "time_limit_s": 1.0, "reference": "def f():\n    return 1.0\n",
             "test": "import math\ndef check(candidate):\n    assert math.isclose(candidate(), 1.0)\n"}
    for _ in range(3):
        assert run_tests("def f():\n    return 1\n", vandal, sandbox=box).is_correct
        assert run_tests("def total(xs):\n    return sum(xs)\n", SCRIPT, sandbox=box).is_correct
        wrong = run_tests("def total(xs):\n    return sum(xs) + 1\n", SCRIPT, sandbox=box)
        assert wrong.reason == "wrong_answer"
        assert run_tests("def f():\n    return 2.0\n", close, sandbox=box).reason == "wrong_answer"
    deep = {"prompt": "p", "entry_point": "f", "time_limit_s": 1.0, "reference": "def f():\n    return 1\n",
            "test": ("def depth(n):\n    return 0 if n == 0 else 1 + depth(n - 1)\n"
                     "def check(candidate):\n    assert candidate() == 1 and depth(500) == 500\n")}
    assert run_tests("def f():\n    return 1\n", deep, sandbox=box).is_correct


def test_a_check_looping_on_placeholders_plans_with_the_reference(box):
    from rlvr.verifiers import code

    task = {"prompt": "p", "entry_point": "f", "time_limit_s": 1.0, "reference": "def f(n):\n    return n + 1\n",
            "test": ("def check(candidate):\n    n = 0\n"
                     "    while candidate(n) != 5:\n        n += 1\n    assert n == 4\n")}
    code._PLAN_CACHE.clear()
    v = run_tests("def f(n):\n    return n + 1\n", task, sandbox=box)
    assert v.is_correct and v.details["calls"] == 5  # planned in one round from the reference's answers


@pytest.mark.parametrize("code, reason", [
    ("a, b = map(int, input().split())\nprint(a + b)\n", "passed"),
    ("print(", "compile_error"),
    ("while True: pass\n", "timeout"),
    ("import os\nos._exit(0)\n", "wrong_answer"),
    ("raise ValueError('x')\n", "runtime_error"),
])
def test_single_test_tasks_keep_their_verdicts(box, code, reason):
    task = {"prompt": "add", "tests": [{"input": "2 3\n", "output": "5\n"}], "time_limit_s": 0.5}
    assert run_tests(code, task, sandbox=box).reason == reason
