"""The bundled competitive-programming problems: format, registry and test materialisation.

Each problem is one module in this package. It defines the statement, a
reference solution and (where the complexity matters) a naive solution as
Python *program texts* (read stdin, write stdout), a seeded input generator,
and registers itself at the bottom::

    register_problem(CodeProblem(
        id="prefix-sum-queries", title="Range Sum Queries", category="prefix_sums",
        difficulty="easy", statement=STATEMENT, reference=REFERENCE, naive=NAIVE,
        generate_inputs=generate_inputs, public_inputs=PUBLIC_INPUTS, time_limit_s=2.0,
    ))

Expected outputs are never written by hand: they are computed by running the
reference program on each input in the trusted parent (this process), once,
and cached under ``~/.cache/rlvr/code_problems`` keyed by a hash of the
module's source. The sandboxed policy process never sees that cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Literal

import numpy as np

Category = Literal["implementation", "math", "sorting", "greedy", "two_pointers", "binary_search",
                   "prefix_sums", "graphs", "dp", "strings", "data_structures"]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]

#: Hidden tests per problem at least (random, edge and maximum-size cases).
MIN_HIDDEN_TESTS = 20


@dataclass(frozen=True)
class CodeProblem:
    """One bundled stdio problem.

    Attributes:
        id: Stable slug, unique across the bundle.
        statement: Full statement with "Input", "Output" and "Constraints"
            sections (examples are appended from ``public_inputs``).
        reference: A correct, efficient Python program (stdin -> stdout).
        naive: A correct program with the wrong complexity, which must time
            out on the maximum-size tests; ``None`` where no such program makes
            sense.
        generate_inputs: ``rng -> list of input texts``, at least
            ``MIN_HIDDEN_TESTS`` of them, including edge cases and at least one
            maximum-size case. Deterministic for a given rng state.
        public_inputs: One to three small example inputs shown in the prompt.
        time_limit_s: Wall-clock limit per test for the policy's program.
        memory_mb: Memory limit per test.
        checker: ``"exact"``, ``"tokens"`` or ``"float:TOL"``.
    """

    id: str
    title: str
    category: Category
    difficulty: Literal["easy", "medium", "hard"]
    statement: str
    reference: str
    naive: str | None
    generate_inputs: Callable[[np.random.Generator], list[str]]
    public_inputs: tuple[str, ...]
    time_limit_s: float = 2.0
    memory_mb: int = 256
    checker: str = "tokens"
    source_file: str = field(default="", compare=False)


PROBLEMS: dict[str, CodeProblem] = {}


def register_problem(problem: CodeProblem) -> None:
    if problem.id in PROBLEMS:
        raise ValueError(f"code problem {problem.id!r} is registered twice")
    if problem.category not in CATEGORIES:
        raise ValueError(f"{problem.id}: category must be one of {CATEGORIES}, got {problem.category!r}")
    if not 1 <= len(problem.public_inputs) <= 3:
        raise ValueError(f"{problem.id}: give one to three public examples")
    source_file = sys._getframe(1).f_globals.get("__file__", "")
    PROBLEMS[problem.id] = CodeProblem(**{**problem.__dict__, "source_file": source_file})


def run_reference(program: str, stdin: str) -> str:
    """Run trusted reference code in this process with stdin/stdout redirected.

    In-process execution costs microseconds instead of an interpreter start;
    it is only ever used for the project's own reference programs.
    """
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
    old_stdin, old_stdout = sys.stdin, sys.stdout
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8")
    sys.stdout = out  # a real text layer, so programs may write to sys.stdout.buffer too
    try:
        exec(compile(program, "<reference>", "exec"), {"__name__": "__main__"})
    except SystemExit:
        pass
    finally:
        out.flush()
        sys.stdin, sys.stdout = old_stdin, old_stdout
    return raw.getvalue().decode("utf-8")


def _cache_dir() -> Path:
    root = os.environ.get("RLVR_CACHE_DIR") or os.path.join(os.path.expanduser("~"), ".cache", "rlvr")
    return Path(root) / "code_problems"


def materialise(problem: CodeProblem, seed: int = 0) -> dict:
    """The problem as a Code-v0 task dict (stdio kind), hidden tests included.

    Schema (DESIGN.md): ``{"id", "prompt", "tests": [{"input", "output"}],
    "public_tests": [...], "time_limit_s", "memory_mb", "checker"}``.
    """
    source = Path(problem.source_file).read_bytes() if problem.source_file else problem.reference.encode()
    key = hashlib.sha256(source + f"|{seed}".encode()).hexdigest()[:16]
    cache = _cache_dir() / f"{problem.id}-{key}.json"
    if cache.exists():
        with contextlib.suppress(ValueError, OSError):
            return json.loads(cache.read_text())
    rng = np.random.default_rng([seed, int(hashlib.sha256(problem.id.encode()).hexdigest()[:8], 16)])
    inputs = problem.generate_inputs(rng)
    if len(inputs) < MIN_HIDDEN_TESTS:
        raise ValueError(f"{problem.id}: generate_inputs gave {len(inputs)} inputs, need >= {MIN_HIDDEN_TESTS}")
    tests = [{"input": i, "output": run_reference(problem.reference, i)} for i in inputs]
    public = [{"input": i, "output": run_reference(problem.reference, i)} for i in problem.public_inputs]
    examples = "\n\n".join(f"Example {n}\nInput:\n{t['input'].rstrip()}\nOutput:\n{t['output'].rstrip()}"
                           for n, t in enumerate(public, 1))
    task = {
        "id": problem.id, "title": problem.title, "category": problem.category,
        "difficulty": problem.difficulty,
        "prompt": f"# {problem.title}\n\n{problem.statement.strip()}\n\n{examples}\n",
        "tests": tests, "public_tests": public, "time_limit_s": problem.time_limit_s,
        "memory_mb": problem.memory_mb, "checker": problem.checker,
    }
    with contextlib.suppress(OSError):
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".tmp{os.getpid()}")
        tmp.write_text(json.dumps(task))
        tmp.replace(cache)
    return task
