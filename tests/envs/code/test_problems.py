"""The bundled competitive-programming problems (rlvr/envs/code/problems).

What is checked, per problem:

* the bundle's shape: >= 80 problems over every category and difficulty, unique
  ids and titles, statements with Input / Output / Constraints sections;
* ``materialise``: >= 20 hidden and 1-3 public tests, the same task from two cold
  calls, public examples in the prompt and the maximum-size hidden inputs not;
* the REFERENCE passes every hidden test through the real verifier
  (``rlvr.verifiers.code.run_tests`` in a sandbox; a plain ``python3 -I``
  subprocess where no sandbox works) within the problem's time limit;
* the NAIVE program agrees with the reference on the small tests and exceeds the
  time limit on a maximum-size test (so the limit really separates complexities);
* for a sample of problems, an independent brute force written here agrees with
  the reference's expected outputs on the small tests.

Each problem module marks its last ``LARGE_TESTS`` generated inputs as the
maximum-size ones (the naive program is only run on the others, apart from the
one timeout check). Materialised tasks are cached in one temporary directory
shared by the xdist workers, so each problem's reference runs in-process once.
"""

from __future__ import annotations

import collections
import fractions
import hashlib
import importlib
import itertools
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from rlvr.envs.code.problems import CATEGORIES, PROBLEMS, materialise
from rlvr.envs.code.problems.base import MIN_HIDDEN_TESTS, run_reference

IDS = sorted(PROBLEMS)
WITH_NAIVE = [pid for pid in IDS if PROBLEMS[pid].naive is not None]
#: Problems whose task is materialised a second time from scratch (the whole-task determinism check;
#: every problem's inputs are regenerated and compared, which is the costly part kept cheap).
COLD_TWICE = IDS[::13]


# ---------------------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module", autouse=True)
def shared_cache(tmp_path_factory):
    """One cache directory for this module, shared by the xdist workers (never the user's cache)."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the per-worker base directories share this parent
    cache = root / "rlvr-problem-cache"
    cache.mkdir(parents=True, exist_ok=True)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("RLVR_CACHE_DIR", str(cache))
        yield cache


@pytest.fixture(scope="module")
def sandbox():
    """The verifier's sandbox, or None when only the subprocess fallback can run programs."""
    try:
        from rlvr.verifiers.code import run_tests  # noqa: F401
        from rlvr.verifiers.sandbox import get_sandbox
    except ImportError:
        return None
    try:
        return get_sandbox("auto")
    except Exception as exc:  # noqa: BLE001 - no backend works: fall back to subprocesses
        if os.environ.get("CI"):
            pytest.fail(f"a sandbox must work in CI: {exc}")
        return None


def _module(problem):
    return importlib.import_module(f"rlvr.envs.code.problems.{Path(problem.source_file).stem}")


def _large(problem) -> int:
    return int(getattr(_module(problem), "LARGE_TESTS", 2))


def _same(checker: str, got: str, expected: str) -> bool:
    try:
        from rlvr.verifiers.code_checkers import Checker
    except ImportError:
        Checker = None
    if Checker is not None:
        return Checker.parse(checker).check_output(got, expected)
    g, e = got.split(), expected.split()
    if not checker.startswith("float:"):
        return g == e
    tol = float(checker[6:])
    if len(g) != len(e):
        return False
    for a, b in zip(g, e):
        try:
            if abs(float(a) - float(b)) > tol * max(1.0, abs(float(b))):
                return False
        except ValueError:
            if a != b:
                return False
    return True


def _run_program(code: str, task: dict, sandbox) -> tuple[str, str]:
    """``(status, reason)`` of ``code`` on ``task``'s hidden tests; stops at the first failure."""
    if sandbox is not None:
        from rlvr.verifiers.code import run_tests

        verdict = run_tests(code, task, sandbox=sandbox)
        assert verdict.status != "error", verdict
        return verdict.status, verdict.reason
    for test in task["public_tests"] + task["tests"]:
        try:
            proc = subprocess.run([sys.executable, "-I", "-c", code], input=test["input"].encode(),
                                  capture_output=True, timeout=task["time_limit_s"])
        except subprocess.TimeoutExpired:
            return "incorrect", "timeout"
        if proc.returncode:
            return "incorrect", "runtime_error"
        if not _same(task["checker"], proc.stdout.decode(), test["output"]):
            return "incorrect", "wrong_answer"
    return "correct", "passed"


def _run_in_process(code: str, stdin: str) -> str:
    limit = sys.getrecursionlimit()
    try:
        return run_reference(code, stdin)
    finally:
        sys.setrecursionlimit(limit)


# ------------------------------------------------------------------------------------ bundle shape
def test_bundle_shape():
    assert len(PROBLEMS) >= 80
    by_category = collections.Counter(p.category for p in PROBLEMS.values())
    for category in CATEGORIES:
        assert by_category[category] >= 6, (category, by_category[category])
    by_difficulty = collections.Counter(p.difficulty for p in PROBLEMS.values())
    assert set(by_difficulty) == {"easy", "medium", "hard"} and min(by_difficulty.values()) >= 15, by_difficulty
    titles = [p.title for p in PROBLEMS.values()]
    assert len(set(titles)) == len(titles)
    assert len({Path(p.source_file).name for p in PROBLEMS.values()}) == len(PROBLEMS)
    assert sum(p.naive is None for p in PROBLEMS.values()) <= 15
    for p in PROBLEMS.values():
        lines = [line.strip() for line in p.statement.splitlines()]
        for section in ("Input", "Output", "Constraints"):
            assert section in lines, (p.id, section)
        assert 1.0 <= p.time_limit_s <= 2.0, p.id
        assert p.checker == "tokens" or p.checker.startswith("float:"), p.id
        if p.checker.startswith("float:"):
            assert "absolute or relative" in p.statement, p.id
        assert 1 <= _large(p) < MIN_HIDDEN_TESTS, p.id


# ---------------------------------------------------------------------------------- materialise
@pytest.mark.parametrize("pid", IDS)
def test_materialise(pid, tmp_path, monkeypatch):
    problem = PROBLEMS[pid]
    task = materialise(problem)
    assert task["id"] == pid and task["checker"] == problem.checker
    assert len(task["tests"]) >= MIN_HIDDEN_TESTS
    assert 1 <= len(task["public_tests"]) <= 3
    for t in task["public_tests"]:
        assert t["input"].rstrip() in task["prompt"] and t["output"].rstrip() in task["prompt"]
    for t in task["tests"][-_large(problem):]:
        assert t["input"].strip() not in task["prompt"]
    assert materialise(problem) == task  # the cached copy
    # the hidden inputs come from the seeded generator alone: a fresh generator gives them again
    rng = np.random.default_rng([0, int(hashlib.sha256(pid.encode()).hexdigest()[:8], 16)])
    assert problem.generate_inputs(rng) == [t["input"] for t in task["tests"]]
    if pid in COLD_TWICE:  # and the whole task is the same from another cold call
        monkeypatch.setenv("RLVR_CACHE_DIR", str(tmp_path / "cold"))
        assert materialise(problem) == task


# ------------------------------------------------------------------------------------- reference
@pytest.mark.parametrize("pid", IDS)
def test_reference_passes_every_test(pid, sandbox):
    task = materialise(PROBLEMS[pid])
    status, reason = _run_program(PROBLEMS[pid].reference, task, sandbox)
    assert (status, reason) == ("correct", "passed"), pid


# ----------------------------------------------------------------------------------------- naive
@pytest.mark.parametrize("pid", WITH_NAIVE)
def test_naive_is_correct_but_too_slow(pid, sandbox):
    problem = PROBLEMS[pid]
    task = materialise(problem)
    large = _large(problem)
    for i, t in enumerate(task["tests"][:-large] + task["public_tests"]):
        got = _run_in_process(problem.naive, t["input"])
        assert _same(problem.checker, got, t["output"]), (pid, i)
    big = dict(task, public_tests=[], tests=task["tests"][-large:])
    status, reason = _run_program(problem.naive, big, sandbox)
    assert (status, reason) == ("incorrect", "timeout"), pid


# ------------------------------------------------------------------------- independent brute force
class TooBig(Exception):
    """The case is too large for this brute force; skip it."""


def _ints(text: str) -> list[int]:
    return [int(x) for x in text.split()]


def brute_closest_readings(text):
    a = _ints(text)[1:]
    d = [abs(x - y) for x, y in itertools.combinations(a, 2)]
    return f"{min(d)} {d.count(min(d))}"


def brute_sorting_swaps(text):
    p = tuple(_ints(text)[1:])
    goal = tuple(sorted(p))
    seen, frontier, steps = {p}, [p], 0
    while goal not in seen:
        nxt = []
        for q in frontier:
            for i, j in itertools.combinations(range(len(q)), 2):
                r = list(q)
                r[i], r[j] = r[j], r[i]
                r = tuple(r)
                if r not in seen:
                    seen.add(r)
                    nxt.append(r)
        frontier, steps = nxt, steps + 1
    return str(steps)


def brute_warehouse_site(text):
    v = _ints(text)[1:]
    shops = list(zip(v[::2], v[1::2]))
    xs = [x for x, _ in shops]
    if max(xs) - min(xs) > 10**5:
        raise TooBig
    best = min((sum(w * abs(x - p) for x, w in shops), p) for p in range(min(xs), max(xs) + 1))
    return f"{best[0]} {best[1]}"


def brute_weekday_of_date(text):
    import datetime

    names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    return " ".join(names[datetime.date.fromisoformat(d).weekday()] for d in text.split()[1:])


def brute_least_rotation(text):
    s = text.split()[0]
    rots = [s[i:] + s[:i] for i in range(len(s))]
    return str(rots.index(min(rots)) + 1)


def brute_distinct_substrings(text):
    s = text.split()[0]
    return str(len({s[i:j] for i in range(len(s)) for j in range(i + 1, len(s) + 1)}))


def brute_longest_mirror(text):
    s = text.split()[0]
    best = max((j - i, -i) for i in range(len(s)) for j in range(i + 1, len(s) + 1) if s[i:j] == s[i:j][::-1])
    return f"{best[0]} {-best[1] + 1}"


def brute_coprime_pairs(text):
    a = _ints(text)[1:]
    return str(sum(math.gcd(x, y) == 1 for x, y in itertools.combinations(a, 2)))


def brute_table_kth(text):
    n, m, k = _ints(text)
    if n * m > 10**5:
        raise TooBig
    return str(sorted(i * j for i in range(1, n + 1) for j in range(1, m + 1))[k - 1])


def brute_kth_pair_gap(text):
    v = _ints(text)
    k, x = v[1], v[2:]
    return str(sorted(abs(a - b) for a, b in itertools.combinations(x, 2))[k - 1])


def brute_blocked_lattice_paths(text):
    v = _ints(text)
    h, w, k = v[:3]
    closed = set(zip(v[3::2], v[4::2]))
    ways = collections.defaultdict(int)
    for r in range(1, h + 1):
        for c in range(1, w + 1):
            if (r, c) in closed:
                continue
            ways[r, c] = 1 if (r, c) == (1, 1) else ways[r - 1, c] + ways[r, c - 1]
    return str(ways[h, w] % (10**9 + 7))


def brute_picture_transforms(text):
    lines = text.split()
    n = int(lines[0])
    g = np.array([list(row) for row in lines[3:3 + n]])
    for op in lines[3 + n]:
        g = {"R": lambda a: np.rot90(a, -1), "L": lambda a: np.rot90(a, 1),
             "H": np.fliplr, "V": np.flipud}[op](g)
    return f"{g.shape[0]} {g.shape[1]} " + " ".join("".join(row) for row in g.tolist())


def brute_course_deadlines(text):
    v = _ints(text)[1:]
    courses = list(zip(v[::2], v[1::2]))
    best = 0
    for mask in range(1 << len(courses)):
        chosen = sorted((courses[i] for i in range(len(courses)) if mask >> i & 1), key=lambda c: c[1])
        t, ok = 0, True
        for dur, dl in chosen:  # earliest deadline first is optimal for a fixed set
            t += dur
            ok = ok and t <= dl
        if ok:
            best = max(best, len(chosen))
    return str(best)


def brute_deadline_jobs(text):
    v = _ints(text)[1:]
    jobs = list(zip(v[::2], v[1::2]))
    best = 0
    for mask in range(1 << len(jobs)):
        chosen = sorted(jobs[i][0] for i in range(len(jobs)) if mask >> i & 1)
        if all(d >= day for day, d in enumerate(chosen, 1)):
            best = max(best, sum(jobs[i][1] for i in range(len(jobs)) if mask >> i & 1))
    return str(best)


def brute_best_long_average(text):
    v = _ints(text)
    n, L, a = v[0], v[1], v[2:]
    best = max(fractions.Fraction(sum(a[l:r]), r - l) for l in range(n) for r in range(l + L, n + 1))
    return f"{float(best):.9f}"


def brute_good_average_windows(text):
    v = _ints(text)
    n, k, a = v[0], v[1], v[2:]
    return str(sum(fractions.Fraction(sum(a[l:r]), r - l) >= k for l in range(n) for r in range(l + 1, n + 1)))


def brute_garden_plots(text):
    if max(_ints(text)[1:]) > 10**5:
        raise TooBig
    return " ".join(str(sum(1 for a in range(1, n + 1) for b in range(1, n // a + 1))) for n in _ints(text)[1:])


def brute_spreadsheet_cells(text):
    v = _ints(text)
    n, pos, cells = v[0], 1, []
    for _ in range(n):
        c, k = v[pos], v[pos + 1]
        cells.append((c, [r - 1 for r in v[pos + 2:pos + 2 + k]]))
        pos += 2 + k
    graph = {i: refs for i, (_, refs) in enumerate(cells)}

    def reaches_cycle(i, path):
        if i in path:
            return True
        return any(reaches_cycle(r, path | {i}) for r in graph[i])

    def value(i):
        return (cells[i][0] + sum(value(r) for r in cells[i][1])) % (10**9 + 7)

    return " ".join("ERROR" if reaches_cycle(i, frozenset()) else str(value(i)) for i in range(n))


def brute_city_skyline(text):
    v = _ints(text)[1:]
    b = list(zip(v[::3], v[1::3], v[2::3]))
    xs = sorted({x for l, r, _ in b for x in (l, r)})
    out, cur = [], 0
    for x in xs:
        h = max([hh for l, r, hh in b if l <= x < r] or [0])
        if h != cur:
            out.append(f"{x} {h}")
            cur = h
    return f"{len(out)} " + " ".join(out)


BRUTE = {name[len("brute_"):].replace("_", "-"): fn for name, fn in globals().items() if name.startswith("brute_")}
#: Small inputs only: the brute forces are exponential or cubic.
BRUTE_MAX_INPUT = {"sorting-swaps": 16, "course-deadlines": 80, "deadline-jobs": 90, "spreadsheet-cells": 120,
                   "longest-mirror": 60, "blocked-lattice-paths": 400}


def test_every_brute_force_names_a_problem():
    assert set(BRUTE) <= set(PROBLEMS) and len(BRUTE) >= 15


@pytest.mark.parametrize("pid", sorted(BRUTE))
def test_brute_force_agrees(pid):
    problem = PROBLEMS[pid]
    task = materialise(problem)
    limit = BRUTE_MAX_INPUT.get(pid, 300)
    checked = 0
    for t in task["public_tests"] + task["tests"]:
        if len(t["input"]) > limit:
            continue
        try:
            got = BRUTE[pid](t["input"])
        except TooBig:
            continue
        assert _same(problem.checker, got, t["output"]), (pid, t["input"])
        checked += 1
    assert checked >= 5, (pid, checked)
