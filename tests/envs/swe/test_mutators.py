"""AST mutators: every kind finds sites, changes behaviour, edits minimally, and the gold patch undoes it."""

from __future__ import annotations

import ast
import difflib
import shutil
import subprocess
import sys
import textwrap

import pytest

from rlvr.envs.swe.mutators import (
    ALL_KINDS, IMPLEMENT_KIND, MUTATION_KINDS, Site, apply_sites, find_sites)
from rlvr.envs.swe.task import apply_patch, make_patch

SAMPLE = textwrap.dedent('''\
    """A sample module: every mutation kind has sites here, and probe() observes them."""

    import math  # comments and formatting elsewhere must survive a mutation


    def total(values, start=0):
        """Sum of values plus start."""
        acc = start
        for v in values:
            acc += v
        return acc


    def window(items, size=2):
        """Consecutive windows of ``size`` items."""
        out = []
        for i in range(len(items) - size + 1):
            out.append(items[i:i + size])
        return out


    def classify(n, limit=10):
        """A label for ``n``."""
        if n < 0:
            return "negative"
        elif n == 0:
            return "zero"
        if n > limit and n % 2 == 0:
            return "big-even"
        return "small" if n <= limit else "big"


    def power(base, exp):
        """``base ** exp`` by repeated multiplication."""
        result = 1
        i = 0
        while i < exp:
            result = result * base
            i += 1
        return result


    def describe(xs, flag=True, sep=","):
        """Direction, non-zero items, divmod of the last item by 3, and the flag."""
        first = xs[0]
        last = xs[-1]
        label = "up" if first < last else "down"
        parts = [str(x) for x in xs if x != 0]
        return label, sep.join(parts), divmod(last, 3), flag, math.floor(first / 2)


    def indexed(words):
        """``'i:word'`` for every word."""
        return [f"{i}:{w}" for i, w in enumerate(words)]
''')


class StepLimit(Exception):
    """A mutant looped (e.g. its loop counter update was dropped)."""


def _bounded(fn, *args, steps: int = 20_000):
    """``fn(*args)``, raising StepLimit after ``steps`` traced lines of the sample module."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if frame.f_code.co_filename != "sample.py":
            return None
        count += 1
        if count > steps:
            raise StepLimit
        return tracer

    old = sys.gettrace()
    sys.settrace(tracer)
    try:
        return fn(*args)
    finally:
        sys.settrace(old)


def probe(source: str) -> list[str]:
    """What the module computes on a fixed set of inputs (exceptions by type; endless loops stopped)."""
    namespace: dict = {}
    exec(compile(source, "sample.py", "exec"), namespace)
    calls = [
        ("total", ([1, 2, 3],)), ("total", ([4], 5)),
        ("window", ([1, 2, 3, 4],)), ("window", ([1, 2, 3], 3)),
        ("classify", (-4,)), ("classify", (0,)), ("classify", (12,)), ("classify", (13,)), ("classify", (3,)),
        ("classify", (10,)), ("classify", (11, 20)),
        ("power", (2, 5)), ("power", (3, 0)),
        ("describe", ([1, 0, 5],)), ("describe", ([9, 2, 7],)), ("describe", ([3, 4], False, ";")),
        ("indexed", (["a", "b"],)),
    ]
    out = []
    for name, args in calls:
        try:
            out.append(repr(_bounded(namespace[name], *args)))
        except Exception as exc:  # a crash is a behaviour change too
            out.append(type(exc).__name__)
    return out


def test_every_kind_finds_sites_and_some_change_behaviour():
    """Each of the 10 mutation kinds and remove_body has sites, and at least one of them changes what the module computes."""
    clean = probe(SAMPLE)
    sites = find_sites(SAMPLE, ALL_KINDS)
    changed_total = 0
    for kind in ALL_KINDS:
        mine = [s for s in sites if s.kind == kind]
        assert mine, f"no {kind} site in the sample"
        changed = [s for s in mine if probe(apply_sites(SAMPLE, [s])) != clean]
        assert changed, f"no {kind} site changes behaviour: {[s.description for s in mine]}"
        changed_total += len(changed)
    assert len(MUTATION_KINDS) >= 10
    assert changed_total >= 0.6 * len(sites), f"only {changed_total} of {len(sites)} sites change behaviour"


def test_sites_are_deterministic_and_indexed_per_kind():
    """Two enumerations give identical sites; indices count 0..n-1 within each kind."""
    a, b = find_sites(SAMPLE, ALL_KINDS), find_sites(SAMPLE, ALL_KINDS)
    assert a == b
    for kind in ALL_KINDS:
        assert [s.index for s in a if s.kind == kind] == list(range(sum(s.kind == kind for s in a)))


def test_mutated_source_parses_and_differs_in_ast():
    """Every site yields a module that parses and whose AST differs from the original."""
    original = ast.dump(ast.parse(SAMPLE))
    for site in find_sites(SAMPLE, ALL_KINDS):
        mutated = apply_sites(SAMPLE, [site])
        assert ast.dump(ast.parse(mutated)) != original, site


@pytest.mark.parametrize("kind", [k for k in MUTATION_KINDS if k not in ("remove_branch", "drop_statement")])
def test_expression_mutations_touch_one_line_and_keep_comments(kind):
    """Expression-level mutations change a single line; the comment on the import line survives."""
    for site in [s for s in find_sites(SAMPLE, [kind])]:
        mutated = apply_sites(SAMPLE, [site])
        diff = [ln for ln in difflib.unified_diff(SAMPLE.splitlines(), mutated.splitlines(), lineterm="", n=0)
                if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]
        assert len(diff) == 2, (site, diff)
        assert "# comments and formatting elsewhere must survive" in mutated


def test_statement_mutations_delete_whole_lines():
    """remove_branch and drop_statement delete lines (or leave `pass`), never add code."""
    for site in find_sites(SAMPLE, ["remove_branch", "drop_statement"]):
        mutated = apply_sites(SAMPLE, [site])
        added = [ln for ln in difflib.ndiff(SAMPLE.splitlines(), mutated.splitlines()) if ln.startswith("+ ")]
        assert all(ln[2:].strip() == "pass" for ln in added), (site, added)
        assert len(mutated.splitlines()) < len(SAMPLE.splitlines()) or added


def test_specific_mutations_read_naturally():
    """Concrete examples: < becomes <=, range(n) loses one, enumerate starts at 1, a default changes."""
    by_desc = {s.description: s for s in find_sites(SAMPLE, ALL_KINDS)}
    assert "<= -> <" in by_desc and "< -> <=" in by_desc
    assert "enumerate starts at 1" in by_desc
    assert "default 2 -> 3" in by_desc and "default True -> False" in by_desc
    assert any(d.startswith("divmod(last, 3) arguments swapped") for d in by_desc)
    mutated = apply_sites(SAMPLE, [by_desc["enumerate starts at 1"]])
    assert "enumerate(words, 1)" in mutated
    default_sep = next(s for s in by_desc.values() if s.description == 'default "," -> ""')
    assert 'sep=""' in apply_sites(SAMPLE, [default_sep])  # the file's own quote style


def test_remove_body_keeps_signature_and_docstring():
    """remove_body leaves `def` line and docstring and raises NotImplementedError when called."""
    sites = find_sites(SAMPLE, [IMPLEMENT_KIND])
    assert {s.function for s in sites} >= {"total", "window", "power", "describe"}
    site = next(s for s in sites if s.function == "power")
    mutated = apply_sites(SAMPLE, [site])
    assert "def power(base, exp):\n    \"\"\"``base ** exp`` by repeated multiplication.\"\"\"\n" \
           "    raise NotImplementedError\n" in mutated
    namespace: dict = {}
    exec(mutated, namespace)
    with pytest.raises(NotImplementedError):
        namespace["power"](2, 3)
    assert namespace["total"]([1, 2]) == 3


def test_gold_patch_restores_clean_text_exactly(tmp_path):
    """make_patch(buggy, clean) applied to the buggy tree gives the clean text byte for byte (also with GNU patch)."""
    other = "def f(x):\n    return x - 1\n"
    clean = {"pkg/sample.py": SAMPLE, "pkg/other.py": other, "pkg/untouched.py": "X = 1\n"}
    sites = find_sites(SAMPLE, ALL_KINDS)
    for site in sites[::7]:
        buggy = dict(clean, **{"pkg/sample.py": apply_sites(SAMPLE, [site]),
                               "pkg/other.py": apply_sites(other, [find_sites(other)[0]])})
        patch = make_patch(buggy, clean)
        assert "untouched" not in patch
        assert apply_patch(buggy, patch) == clean
        assert apply_patch(clean, patch, reverse=True) == buggy
    if shutil.which("patch"):
        for path, text in buggy.items():
            (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / path).write_text(text)
        result = subprocess.run(["patch", "-p1", "--quiet"], input=patch, text=True, cwd=tmp_path,
                                capture_output=True)
        assert result.returncode == 0, result.stderr
        assert {p: (tmp_path / p).read_text() for p in clean} == clean


def test_apply_patch_refuses_a_mismatching_tree():
    """A patch made against other text raises instead of producing a wrong file."""
    patch = make_patch({"a.py": "x = 1\n"}, {"a.py": "x = 2\n"})
    with pytest.raises(ValueError, match="does not apply"):
        apply_patch({"a.py": "x = 3\n"}, patch)
    with pytest.raises(ValueError, match="not in the tree"):
        apply_patch({"b.py": "x = 1\n"}, patch)


def test_overlapping_sites_and_unknown_kinds_are_rejected():
    """Two edits of the same text raise ValueError; so does an unknown kind."""
    line = SAMPLE.splitlines().index("    if n < 0:") + 1
    flips = [s for s in find_sites(SAMPLE, ["flip_operator", "off_by_one"])
             if s.lineno == line and s.description.startswith("<")]
    assert [s.replacement for s in flips] == [">", "<="]
    with pytest.raises(ValueError, match="overlap"):
        apply_sites(SAMPLE, flips)
    with pytest.raises(ValueError, match="unknown mutation kind"):
        find_sites(SAMPLE, ["typo"])
    bogus = Site("flip_operator", 0, 1, "f", 10_000, 10_001, "-", "")
    with pytest.raises(ValueError, match="outside"):
        apply_sites(SAMPLE, [bogus])


def test_non_ascii_source_offsets():
    """Column offsets are UTF-8 bytes in the AST: edits after non-ASCII text land on the right characters."""
    src = 'def f(x):\n    """Doc."""\n    s = "héllo wörld"; return len(s) + x\n'
    src = 'def f(x):\n    """Doc."""\n    s = "héllo wörld"\n    return len(s) + x\n'
    site = next(s for s in find_sites(src, ["flip_operator"]))
    assert apply_sites(src, [site]) == src.replace("len(s) + x", "len(s) - x")
    line = 'def g(t):\n    """Doc."""\n    return ("é" * 3, t < 2)\n'
    cmp_site = next(s for s in find_sites(line, ["off_by_one"]))
    assert apply_sites(line, [cmp_site]).endswith('return ("é" * 3, t <= 2)\n')
