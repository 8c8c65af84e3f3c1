"""verify_math against a policy that games the reward: hedges, partial overlap,
parser fallbacks, resource exhaustion, and the worker machinery under stress.

Every resource case asserts the hard wall-clock bound: a call with
``timeout=T`` returns within ``T + 0.5`` seconds, whatever the input.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from rlvr.verifiers.bounded import WorkerPool
from rlvr.verifiers.math import shutdown, verify_math, warm_up, worker_pids

B = "\\boxed{{{}}}".format
T = 1.0  # the timeout every resource case runs with
SLOW = B("\\int e^{x^{5}} \\sin(x^{3}) dx")  # SymPy's integrator grinds on this for minutes


@pytest.fixture(scope="module", autouse=True)
def _warm_workers():
    assert warm_up(2, wait=True, timeout=60)


def _bounded(completion: str, gold: str, timeout: float = T):
    start = time.monotonic()
    verdict = verify_math(completion, gold, timeout=timeout)
    elapsed = time.monotonic() - start
    assert elapsed < timeout + 0.5, f"took {elapsed:.2f}s with timeout={timeout}"
    return verdict


# -- hedging ---------------------------------------------------------------------------------------

HEDGES = [
    (B("4, 5"), "4"),
    (B("4 \\text{ or } 5"), "4"),
    ("Answer: 4 or 5", "4"),
    (B("x=4 \\lor x=5"), "4"),
    (B("x = 4 \\vee x = 5"), "4"),
    (B("\\pm 2"), "2"),
    (B("2 \\pm 1"), "3"),
    (B("4; 5"), "4"),
    (B("4 and 5"), "4"),
    (B("either 4 or 5"), "4"),
    (B("4, 4"), "4"),
    (B("\\{4, 5\\}"), "4"),
    (B("(1,2), (3,4)"), "(1, 2)"),
    (B("\\{1, 2\\}"), "(1, 2)"),
    (B("x=1 \\text{ or } x=2"), "x = 1"),
    (B("4 \\text{ or more}"), "4"),
    (B("\\text{between 4 and 5}"), "4"),
    (B("\\frac{1}{2}, \\frac{1}{3}"), "\\frac{1}{2}"),
    (B("y = 2x+1, y = 3x"), "y = 2x + 1"),
    ("4 or 5", "4"),
    ("It is 4 or maybe 5", "4"),
    (B("\\begin{pmatrix}1\\\\2\\end{pmatrix}, \\begin{pmatrix}1\\\\2\\end{pmatrix} + 1"), "\\begin{pmatrix}1\\\\2\\end{pmatrix}"),
    (B("\\sqrt{2} \\text{ or } \\foo"), "\\sqrt{2}"),
]


@pytest.mark.parametrize("completion,gold", HEDGES)
def test_hedged_answers_are_wrong(completion, gold):
    v = _bounded(completion, gold)
    assert (v.status, v.reason) == ("incorrect", "hedged"), v.details


def test_only_the_last_box_counts():
    assert verify_math("\\boxed{4} \\boxed{5}", "4").reason == "mismatch"
    assert verify_math("\\boxed{4} \\boxed{5}", "5").is_correct
    assert verify_math("\\boxed{4}\\text{ or }\\boxed{5}", "4").reason == "mismatch"
    assert verify_math("\\boxed{5} " * 1000 + "\\boxed{4}", "5").reason == "mismatch"


def test_hedge_between_sets_is_not_a_set_answer():
    v = verify_math(B("\\{1,2\\} \\text{ or } \\{1,2,3\\}"), "\\{1, 2\\}")
    assert v.status == "incorrect"


# -- partial overlap -------------------------------------------------------------------------------

OVERLAPS = [
    (B("12"), "123"), (B("123"), "12"), (B("123"), "23"), (B("1/2"), "\\frac{1}{23}"),
    (B("\\frac{1}{23}"), "\\frac{1}{2}"), (B("0.12"), "0.123"), (B("3.14"), "3.14159"),
    (B("x+1"), "x+12"), (B("\\sqrt{2}"), "\\sqrt{23}"), (B("(1,2)"), "(1, 23)"),
    (B("\\text{Mon}"), "\\text{Monday}"), (B("\\{1, 2\\}"), "\\{1, 2, 3\\}"),
    (B("-1"), "1"), (B("1"), "-1"), (B("10"), "100"), (B("3x"), "3x^2"),
]


@pytest.mark.parametrize("completion,gold", OVERLAPS)
def test_partial_string_overlap_never_earns_credit(completion, gold):
    v = _bounded(completion, gold)
    assert v.status == "incorrect" and v.reason == "mismatch", v.details


# -- no fallback to numbers inside text that did not parse -----------------------------------------

GARBAGE = [
    B("\\foo{3}"), B("3\\foo"), B("\\frac{3}{}"), B("3 \\cdot"), B(")3("), B("3)"), B("\\sqrt{}3"),
    B("\\begin{pmatrix}3"), B("3 \\\\"), B("\\left(3"), B("3^"), B("@3"),
]


@pytest.mark.parametrize("completion", GARBAGE)
def test_failed_parse_never_falls_back_to_a_number_inside(completion):
    v = _bounded(completion, "3")
    assert v.status == "incorrect" and v.reason in ("unparsable", "mismatch"), v.details


def test_words_around_a_number_do_not_make_it_correct():
    for completion in [B("\\text{the answer is 3}"), B("3 apples and 2 pears"), B("\\text{not } 3")]:
        assert verify_math(completion, "3").status == "incorrect", completion


def test_code_in_the_answer_is_never_executed(tmp_path):
    marker = tmp_path / "pwned"
    payloads = [
        f"__import__('os').system('touch {marker}')",
        f"open('{marker}', 'w')",
        "lambda: 3",
        f"exec(\"open('{marker}','w')\")",
        f"(lambda: __import__('pathlib').Path('{marker}').touch())()",
        "eval(chr(111)+chr(112))",
    ]
    for p in payloads:
        for completion in (B(p), "Answer: " + p):
            v = _bounded(completion, "3")
            assert v.status == "incorrect", (p, v.details)
        _bounded(p, "3")  # a short bare completion: its one number may count, but nothing runs
    assert not marker.exists()


def test_weird_values_are_sane():
    assert verify_math(B("nan"), "nan").status == "correct"  # identical text, harmless
    for completion in [B("nan"), B("oo"), B("zoo"), B("\\infty"), B("-\\infty"), B("\\frac{0}{0}"), B("0^0")]:
        v = _bounded(completion, "0")
        assert v.status == "incorrect", (completion, v.details)
    assert verify_math(B(""), "0").reason == "no_answer"
    assert verify_math(B("\\boxed{3}"), "3").is_correct


# -- resource exhaustion: every call returns within timeout + 0.5 s ----------------------------------

NESTED = "(" * 10_000 + "1" + ")" * 10_000
RESOURCE_CASES = {
    "power-tower-10": (B("10^{10^{10^{10}}}"), "5"),
    "power-tower-9-vs-0": (B("9^{9^{9^{9}}}"), "0"),
    "factorial-tower": (B("(10^{100})!"), "5"),
    "factorial-big": (B("(10^{6})!"), "5"),
    "nested-parens-10000": (B(NESTED), "1"),
    "nested-parens-unboxed": (NESTED, "1"),
    "nested-parens-300": (B("(" * 300 + "1" + ")" * 300), "1"),
    "nested-braces-300": (B("{" * 300 + "1" + "}" * 300), "1"),
    "nested-fracs": (B("\\frac{1}{" * 100 + "2" + "}" * 100), "1"),
    "sum-20000-terms": (B("+".join(["1"] * 20_000)), "20000"),
    "sum-400-terms": (B("+".join(["x"] * 400)), "400x"),
    "megabyte-prose-then-box": ("word " * 200_000 + B("7"), "7"),
    "megabyte-box": (B("1" * 1_000_000), "1"),
    "megabyte-unclosed-boxes": ("\\boxed{" * 150_000, "1"),
    "megabyte-dollars": ("$" * 1_000_000, "1"),
    "megabyte-display-openers": ("\\[" * 500_000, "1"),
    "megabyte-answer-words": ("answer " * 150_000, "1"),
    "megabyte-braces-in-box": (B("{" * 1_000_000), "1"),
    "huge-digit-count": (B("10^{10^{8}}"), "1"),
    "huge-symbolic-power": (B("x^{10^{6}}"), "x"),
    "big-expansion": (B("(x+y+z+1)^{60}"), "(x+y+z+1)^{60} + 1"),
    "many-items-vs-set": (B(", ".join(str(i) for i in range(300))), "\\{1, 2\\}"),
    "slow-integral": (SLOW, "1"),
    "slow-integral-vs-expression": (SLOW, "x^2"),
}
#: Cases that are big but legitimately right: they must still be decided within the bound.
CORRECT_WHEN_DECIDED = {"nested-parens-300", "sum-400-terms", "megabyte-prose-then-box"}


@pytest.mark.parametrize("completion,gold", RESOURCE_CASES.values(), ids=RESOURCE_CASES.keys())
def test_resource_exhaustion_is_bounded(request, completion, gold):
    v = _bounded(completion, gold)
    assert not v.masked, v.details  # the policy caused it: never an infrastructure error
    if request.node.callspec.id in CORRECT_WHEN_DECIDED:
        assert v.is_correct or v.reason in ("timeout", "too_large"), v.details
    else:
        assert v.status == "incorrect", v.details


def test_slow_answer_is_a_timeout_not_an_error():
    v = _bounded(SLOW, "1")
    assert (v.status, v.reason, v.masked) == ("incorrect", "timeout", False)


def test_blow_ups_are_reported_as_too_large():
    for completion in [B("9^{9^{9^{9}}}"), B("(10^{100})!"), B("10^{10^{8}}"), B("1" * 5000)]:
        assert _bounded(completion, "0").reason == "too_large", completion


def test_the_call_after_a_timeout_is_not_slowed():
    _bounded(SLOW, "1")
    start = time.monotonic()
    assert verify_math(B("(x+1)^2"), "x^2+2x+1", timeout=T).is_correct
    assert time.monotonic() - start < 0.5  # the replacement was forked warm, not re-imported


def test_worker_memory_limit_turns_a_blow_up_into_memory_error():
    pool = WorkerPool("builtins:bytearray", memory_mb=512)
    try:
        result = pool.call(2 * 1024**3, timeout=20)  # 2 GiB under a 512 MiB address-space limit
        assert result.outcome == "raised" and "MemoryError" in result.error
        pids = pool.pids()
        again = pool.call(16, timeout=20)  # the same worker still serves (a bytearray is not JSON)
        assert again.outcome == "raised" and "TypeError" in again.error and pool.pids() == pids
    finally:
        pool.close()


# -- concurrency and process hygiene ---------------------------------------------------------------

PAIRS = [
    (B("\\frac{1}{2}"), "0.5", True), (B("x^2+2x+1"), "(x+1)^2", True), (B("\\{2, 1\\}"), "\\{1, 2\\}", True),
    (B("3x+4y+14=0"), "3x-y+13=0", False), (B("41"), "42", False), (B("\\sqrt{8}"), "2\\sqrt{2}", True),
    (B("(-\\infty, 3)"), "(-\\infty, 3]", False), (B("4, 5"), "4", False),
]


def test_eight_threads_at_once():
    results: list[tuple[bool, bool]] = []
    lock = threading.Lock()
    barrier = threading.Barrier(8)

    def work(k: int) -> None:
        barrier.wait()
        for i in range(12):
            completion, gold, expected = PAIRS[(k + i) % len(PAIRS)]
            v = verify_math(completion, gold, timeout=30)
            with lock:
                results.append((v.is_correct, expected))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert len(results) == 96
    assert all(got == expected for got, expected in results)


def _verify_in_child(queue) -> None:
    v = verify_math(B("x^2+2x+1"), "(x+1)^2", timeout=30)
    w = verify_math(B("\\frac{1}{2}"), "0.5")
    queue.put((v.status, v.reason, w.status, multiprocessing.current_process().daemon))
    shutdown()


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_works_inside_a_daemon_process(method):
    ctx = multiprocessing.get_context(method)
    queue = ctx.Queue()
    proc = ctx.Process(target=_verify_in_child, args=(queue,), daemon=True)
    proc.start()
    try:
        got = queue.get(timeout=60)
    finally:
        proc.join(30)
    assert got == ("correct", "match", "correct", True)
    assert proc.exitcode == 0


def test_worker_killed_externally_mid_run():
    outcome: dict = {}

    def slow_call() -> None:
        start = time.monotonic()
        outcome["verdict"] = verify_math(SLOW, "1", timeout=4.0)
        outcome["elapsed"] = time.monotonic() - start

    before = set(worker_pids())
    thread = threading.Thread(target=slow_call)
    thread.start()
    time.sleep(0.5)
    for pid in worker_pids():  # every worker, the busy one included
        os.kill(pid, signal.SIGKILL)
    thread.join(10)
    assert not thread.is_alive()
    assert outcome["elapsed"] < 4.5
    v = outcome["verdict"]
    assert v.status in ("incorrect", "error") and v.reason in ("timeout", "too_large", "worker_unavailable")
    # The next calls get fresh workers and work normally.
    assert verify_math(B("x^2+2x+1"), "(x+1)^2", timeout=10).is_correct
    assert not before & set(worker_pids())


def _children() -> list[tuple[int, str, str]]:
    """(pid, state, cmdline) of this process's children and grandchildren."""
    procs = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            cmd = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        procs[int(entry)] = (int(fields[1]), fields[0], cmd)
    me = os.getpid()
    kids = {pid for pid, (ppid, _, _) in procs.items() if ppid == me}
    kids |= {pid for pid, (ppid, _, _) in procs.items() if ppid in kids}
    return [(pid, procs[pid][1], procs[pid][2]) for pid in sorted(kids)]


def _workers() -> list[tuple[int, str, str]]:
    return [c for c in _children() if "rlvr.verifiers.bounded" in c[2]]


def test_no_worker_processes_leak():
    warm_up(2, wait=True)
    before = len(_workers())
    for _ in range(4):
        assert verify_math(SLOW, "1", timeout=0.5).reason == "timeout"
    warm_up(2, wait=True)
    time.sleep(0.2)  # killed workers are reaped by the zygote
    after = _workers()
    assert len(after) <= before, after
    assert not [c for c in _children() if c[1] == "Z"], "zombie processes"
    shutdown()
    time.sleep(0.2)
    assert _workers() == []
    assert verify_math(B("x^2"), "x^{2} + 0", timeout=10).is_correct  # restarts lazily
    warm_up(2, wait=True)


def test_workers_exit_when_the_parent_dies():
    script = textwrap.dedent("""
        import os, signal, threading, time
        from rlvr.verifiers.math import _get_pool, verify_math, warm_up, worker_pids
        warm_up(2, wait=True)
        print(" ".join(map(str, [*worker_pids(), _get_pool().zygote_pid])), flush=True)
        # one worker busy with a slow answer, one idle, and the zygote: all must go when we die
        threading.Thread(target=verify_math, args=(r"\\boxed{\\int e^{x^{5}} \\sin(x^{3}) dx}", "1"),
                         kwargs={"timeout": 60}, daemon=True).start()
        time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    pids = [int(p) for p in proc.stdout.split()]
    assert len(pids) == 3, proc.stderr

    def alive(pid: int) -> bool:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return False
        return state != "Z"

    deadline = time.monotonic() + 10
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(p) for p in pids)


# Copying the question's expression into the box must not earn the reward for its value.
@pytest.mark.parametrize("completion, gold", [
    ("\\boxed{52 - 33}", "19"),
    ("\\boxed{\\binom{10}{3}}", "120"),
    ("\\boxed{\\gcd(28, 16)}", "4"),
    ("\\boxed{\\frac{1}{3} - \\frac{3}{5}}", "-\\frac{4}{15}"),
    ("\\boxed{2^{10}}", "1024"),
    ("\\boxed{\\log_{2} 32 + \\log_{4} 256}", "9"),
    ("\\boxed{\\sum_{k=1}^{3} k}", "6"),
    ("Answer: 6 \\cdot 7", "42"),
])
def test_unevaluated_question_expression_is_not_simplified(completion, gold):
    verdict = verify_math(completion, gold)
    assert verdict.status == "incorrect" and verdict.reason == "not_simplified", verdict


@pytest.mark.parametrize("completion, gold", [
    ("\\boxed{19}", "19"), ("x = 19", "19"), ("\\boxed{\\frac{38}{2}}", "19"), ("\\boxed{19.0}", "19"),
    ("\\boxed{-\\frac{4}{15}}", "-\\frac{4}{15}"), ("\\boxed{1,024}", "1024"), ("\\boxed{19\\text{ cm}}", "19"),
])
def test_number_literals_still_match_a_number(completion, gold):
    assert verify_math(completion, gold).is_correct
