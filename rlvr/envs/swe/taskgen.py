"""Seeded, deterministic generation of SWE-v0 tasks from the bundled repositories.

For each repository:

1. The clean tree (source, visible and hidden tests) must pass every test, twice.
2. Single mutations (:mod:`rlvr.envs.swe.mutators`) are tried in a seeded
   order that interleaves the ten kinds. A mutant is *kept* only if its tree
   fails at least one test (FAIL_TO_PASS) and passes at least one
   (PASS_TO_PASS), and a second run gives exactly the same outcomes. Mutants
   that fail nothing are equivalent, mutants that differ between runs are
   flaky, mutants that hit the time bound (an endless loop) are dropped.
3. Multi-file tasks combine 2 or 3 kept mutations in different modules, and
   are checked the same way as a whole.
4. "Implement" tasks replace a documented function's body by ``raise
   NotImplementedError`` (signature and docstring kept).
5. Every kept task gets the gold patch (unified diff buggy -> clean over the
   source) and an issue-style statement (:mod:`rlvr.envs.swe.statements`).

Candidates are evaluated by several worker processes, but results are consumed
in candidate order and the first ones kept win, so the same seed gives the same
tasks whatever the number of workers. The shipped task file is produced with::

    python -m rlvr.envs.swe.taskgen --out rlvr/envs/swe/tasks/bundled.jsonl --per-repo 18

so ``reset`` never generates; :func:`generate_tasks` caches on-demand runs
under ``~/.cache/rlvr/swe_tasks/``.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import multiprocessing
import os
import sys
import time
import zlib
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

import numpy as np

from rlvr.core.errors import ConfigError
from rlvr.envs.swe import statements
from rlvr.envs.swe.mutators import IMPLEMENT_KIND, MUTATION_KINDS, Site, apply_sites, find_sites
from rlvr.envs.swe.repos import BundledRepo, list_repos, load_repo
from rlvr.envs.swe.task import SweTask, make_patch

#: Bump when generation changes in a way that changes the tasks (invalidates caches).
GENERATOR_VERSION = 2
DEFAULT_OUT = Path(__file__).resolve().parent / "tasks" / "bundled.jsonl"


def cache_dir() -> Path:
    """``$RLVR_CACHE/swe_tasks`` (default ``~/.cache/rlvr/swe_tasks``)."""
    return Path(os.environ.get("RLVR_CACHE", Path.home() / ".cache" / "rlvr")).expanduser() / "swe_tasks"


@dataclass(frozen=True)
class GenConfig:
    """How many tasks of each shape to make per repository, and how to check them.

    Attributes:
        per_repo: Tasks per repository.
        seed: Root seed: candidate order, combinations and statement wording.
        implement_share: Share of "implement the removed function" tasks.
        double_share: Share of two-mutation (two-module) tasks.
        triple_share: Share of three-mutation (three-module) tasks.
        timeout_s: Wall-clock bound of one test run (mutants that loop hit it and are dropped).
        max_candidates: Candidates tried per repository and task shape before giving up on that shape.
        workers: Worker processes evaluating candidates (0: in this process).
        sandbox: Sandbox for test runs (``None``: :func:`rlvr.verifiers.swe.run_pytest`'s default, bwrap).
    """

    per_repo: int = 18
    seed: int = 0
    implement_share: float = 0.22
    double_share: float = 0.22
    triple_share: float = 0.17
    timeout_s: float = 30.0
    max_candidates: int = 120
    workers: int = 2
    sandbox: str | None = None

    def __post_init__(self) -> None:
        if self.per_repo < 1:
            raise ConfigError(f"per_repo must be at least 1, got {self.per_repo}")
        shares = (self.implement_share, self.double_share, self.triple_share)
        if any(s < 0 for s in shares) or sum(shares) > 1:
            raise ConfigError(f"task shares must be >= 0 and sum to at most 1, got {shares}")
        if self.timeout_s <= 0 or self.max_candidates < 1 or self.workers < 0:
            raise ConfigError("timeout_s must be > 0, max_candidates >= 1 and workers >= 0; got "
                              f"{self.timeout_s}, {self.max_candidates}, {self.workers}")

    def quotas(self) -> dict[str, int]:
        """Tasks per shape: ``{"single", "double", "triple", "implement"}``."""
        implement = round(self.per_repo * self.implement_share)
        double = round(self.per_repo * self.double_share)
        triple = round(self.per_repo * self.triple_share)
        return {"single": max(0, self.per_repo - implement - double - triple), "double": double,
                "triple": triple, "implement": implement}

    def key(self) -> dict[str, Any]:
        """What the generated tasks depend on (workers and sandbox do not change them)."""
        d = asdict(self)
        d.pop("workers")
        d.pop("sandbox")
        return d


# ---------------------------------------------------------------------------
# Evaluating one candidate (runs in a worker process).

@dataclass
class Evaluation:
    """The verdict on one candidate tree.

    Attributes:
        status: ``"kept"``, ``"equivalent"`` (nothing fails), ``"no_pass_to_pass"``
            (nothing passes), ``"flaky"`` (two runs disagree), ``"timeout"``,
            ``"untrusted"`` (the run could not be read) or ``"infra"``.
        fail_to_pass: Tests the clean tree passes and the candidate does not.
        pass_to_pass: Tests passing on both.
        observed: ``{test id: observed behaviour}`` for failures whose message was in the output.
        wall_s: Seconds spent on the runs.
    """

    status: str
    fail_to_pass: list[str] = field(default_factory=list)
    pass_to_pass: list[str] = field(default_factory=list)
    observed: dict[str, str | None] = field(default_factory=dict)
    wall_s: float = 0.0


def _run_pytest(files: dict[str, str], ids: Sequence[str] | None, sandbox: Any, timeout_s: float):
    from rlvr.verifiers.swe import run_pytest

    return run_pytest(files, ids, sandbox=sandbox, timeout_s=timeout_s)


def evaluate(tree: dict[str, str], clean_ids: Sequence[str], *, sandbox: Any = None, timeout_s: float = 30.0,
             runs: int = 2) -> Evaluation:
    """Run every test of ``tree`` and classify the candidate (see :class:`Evaluation`).

    A candidate that fails nothing (equivalent) or everything is dropped after
    one run; one that would be kept is run ``runs`` times in all, and every
    run must give the same outcomes.
    """
    start = time.monotonic()
    outcomes: list[dict[str, str]] = []
    first = None
    for n in range(max(1, runs)):
        run = _run_pytest(tree, None, sandbox, timeout_s)
        if run.infra_error is not None:
            return Evaluation("infra", wall_s=time.monotonic() - start)
        if run.status == "timeout":
            return Evaluation("timeout", wall_s=time.monotonic() - start)
        if run.status != "ok" or run.problems or run.reported_exit is None:
            return Evaluation("untrusted", wall_s=time.monotonic() - start)
        outcomes.append({i: run.outcomes.get(i, "missing") for i in clean_ids})
        if n == 0:
            first = run
            failing = [i for i in clean_ids if outcomes[0][i] != "passed"]
            if not failing:
                return Evaluation("equivalent", wall_s=time.monotonic() - start)
            if len(failing) == len(clean_ids):
                return Evaluation("no_pass_to_pass", failing, wall_s=time.monotonic() - start)
        elif outcomes[-1] != outcomes[0]:
            return Evaluation("flaky", wall_s=time.monotonic() - start)
    wall = time.monotonic() - start
    f2p = [i for i in clean_ids if outcomes[0][i] != "passed"]
    p2p = [i for i in clean_ids if outcomes[0][i] == "passed"]
    sections = statements.failure_sections(first.output)
    observed = {i: statements.observed_from(lines) for i, lines in sections.items() if i in set(f2p)}
    return Evaluation("kept", f2p, p2p, observed, wall)


def describe(tree: dict[str, str], ids: Sequence[str], *, sandbox: Any = None, timeout_s: float = 30.0
             ) -> dict[str, str | None]:
    """``{test id: observed behaviour}`` from a run of only ``ids`` (short output, every message kept)."""
    run = _run_pytest(tree, list(ids), sandbox, timeout_s)
    sections = statements.failure_sections(run.output)
    return {i: statements.observed_from(sections[i]) if i in sections else None for i in ids}


def _evaluate_job(job: tuple) -> Evaluation:
    tree, clean_ids, sandbox, timeout_s = job
    return evaluate(tree, clean_ids, sandbox=sandbox, timeout_s=timeout_s)


def _describe_job(job: tuple) -> dict[str, str | None]:
    tree, ids, sandbox, timeout_s = job
    return describe(tree, ids, sandbox=sandbox, timeout_s=timeout_s)


def _mp_context() -> multiprocessing.context.BaseContext:
    # fork: workers start in milliseconds and need no importable __main__; spawn elsewhere.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class _Pool:
    """Ordered evaluation over worker processes with a bounded look-ahead."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.executor = (ProcessPoolExecutor(workers, mp_context=_mp_context())
                         if workers > 0 else None)

    def ordered(self, fn: Callable[[Any], Any], jobs: Iterable[Any]) -> Iterator[tuple[Any, Any]]:
        """Yield ``(job, fn(job))`` in job order; stop pulling jobs when the consumer stops."""
        if self.executor is None:
            for job in jobs:
                yield job, fn(job)
            return
        window: collections.deque[tuple[Any, Future]] = collections.deque()
        it = iter(jobs)
        try:
            while True:
                while len(window) < 2 * self.workers:
                    job = next(it, None)
                    if job is None:
                        break
                    window.append((job, self.executor.submit(fn, job)))
                if not window:
                    return
                job, future = window.popleft()
                yield job, future.result()
        finally:
            for _, future in window:
                future.cancel()

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)


# ---------------------------------------------------------------------------
# Generation for one repository.

@dataclass
class Candidate:
    """Mutations (sites per module path) that make one candidate task."""

    shape: str                         # "single" | "double" | "triple" | "implement"
    sites: tuple[tuple[str, Site], ...]

    def changes(self, source: dict[str, str]) -> dict[str, str]:
        by_path: dict[str, list[Site]] = collections.defaultdict(list)
        for path, site in self.sites:
            by_path[path].append(site)
        return {path: apply_sites(source[path], sites) for path, sites in by_path.items()}


@dataclass
class RepoStats:
    """What generation did for one repository."""

    repo: str
    evaluated: int = 0
    kept: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)
    tasks: dict[str, int] = field(default_factory=dict)
    sites: int = 0
    wall_s: float = 0.0


def _rng(seed: int, *keys: int | str) -> np.random.Generator:
    return np.random.default_rng([int(seed)] + [zlib.crc32(str(k).encode()) for k in keys])


def _interleaved(sites_by_kind: dict[str, list[tuple[str, Site]]], rng: np.random.Generator
                 ) -> list[tuple[str, Site]]:
    """Shuffle each kind's sites, then take one of each kind in turn (a kind-diverse order)."""
    kinds = [k for k in sites_by_kind if sites_by_kind[k]]
    order = [kinds[i] for i in rng.permutation(len(kinds))]
    queues = {k: [sites_by_kind[k][i] for i in rng.permutation(len(sites_by_kind[k]))] for k in order}
    out: list[tuple[str, Site]] = []
    while any(queues.values()):
        for kind in order:
            if queues[kind]:
                out.append(queues[kind].pop())
    return out


def _combinations(pool: list[tuple[str, Site]], size: int, rng: np.random.Generator, limit: int
                  ) -> Iterator[tuple[tuple[str, Site], ...]]:
    """Seeded combinations of ``size`` kept singles, all in different modules, no repeats.

    Within a module the least-used mutation so far is preferred, so combinations
    spread over the pool instead of repeating one mutation.
    """
    seen: set[tuple] = set()
    used: collections.Counter = collections.Counter()
    modules = sorted({p for p, _ in pool})
    if len(modules) < size:
        return
    for _ in range(limit * 20):
        if len(seen) >= limit:
            return
        chosen_modules = [modules[i] for i in rng.choice(len(modules), size, replace=False)]
        combo = []
        for module in chosen_modules:
            options = [ps for ps in pool if ps[0] == module]
            fewest = min(used[ps] for ps in options)
            options = [ps for ps in options if used[ps] == fewest]
            combo.append(options[int(rng.integers(len(options)))])
        key = tuple(sorted((p, s.kind, s.index) for p, s in combo))
        if key in seen:
            continue
        seen.add(key)
        used.update(combo)
        yield tuple(sorted(combo, key=lambda ps: (ps[0], ps[1].start)))


def generate_repo(repo: BundledRepo, config: GenConfig, pool: _Pool | None = None,
                  progress: Callable[[int], None] | None = None) -> tuple[list[SweTask], RepoStats]:
    """Generate up to ``config.per_repo`` tasks for one repository (deterministic for a seed).

    Raises:
        ConfigError: The clean repository does not pass all of its tests.
    """
    own_pool = pool is None
    pool = pool or _Pool(config.workers)
    stats = RepoStats(repo.name)
    start = time.monotonic()
    try:
        tasks = _generate(repo, config, pool, stats, progress or (lambda n: None))
    finally:
        if own_pool:
            pool.close()
    stats.wall_s = round(time.monotonic() - start, 1)
    stats.tasks = dict(collections.Counter(t.meta["shape"] for t in tasks))
    return tasks, stats


def _generate(repo: BundledRepo, config: GenConfig, pool: _Pool, stats: RepoStats,
              progress: Callable[[int], None]) -> list[SweTask]:
    clean_tree = repo.all_files
    runs = [_run_pytest(clean_tree, None, config.sandbox, config.timeout_s) for _ in range(2)]
    clean_ids = sorted(runs[0].outcomes)
    for run in runs:
        if not run.all_passed(clean_ids) or sorted(run.outcomes) != clean_ids:
            failing = sorted(i for i, o in run.outcomes.items() if o != "passed")[:5]
            raise ConfigError(f"the clean repository {repo.name!r} must pass all of its tests (twice) before "
                              f"tasks are generated; status {run.status}, exit {run.exit_code}, failing {failing}, "
                              f"problems {run.problems[:2]}")
    source = repo.source
    quotas = config.quotas()
    sites_by_kind: dict[str, list[tuple[str, Site]]] = {k: [] for k in MUTATION_KINDS}
    implement_sites: list[tuple[str, Site]] = []
    for path in repo.modules:
        for site in find_sites(source[path], MUTATION_KINDS + (IMPLEMENT_KIND,)):
            (implement_sites if site.kind == IMPLEMENT_KIND else sites_by_kind[site.kind]).append((path, site))
    stats.sites = sum(map(len, sites_by_kind.values())) + len(implement_sites)

    def jobs(candidates: Iterable[Candidate]) -> Iterator[tuple]:
        for cand in candidates:
            tree = {**clean_tree, **cand.changes(source)}
            yield (tree, clean_ids, config.sandbox, config.timeout_s, cand)

    def run_shape(candidates: Iterable[Candidate], want: int, tasks: int) -> list[tuple[Candidate, Evaluation]]:
        """The first ``want`` kept candidates in order (the first ``tasks`` of them become tasks)."""
        kept: list[tuple[Candidate, Evaluation]] = []
        if want <= 0:
            return kept
        for n, (job, ev) in enumerate(pool.ordered(_evaluate_job_with_candidate, jobs(candidates))):
            stats.evaluated += 1
            cand = job[-1]
            if ev.status == "kept":
                stats.kept[cand.shape] = stats.kept.get(cand.shape, 0) + 1
                kept.append((cand, ev))
                if len(kept) <= tasks:
                    progress(1)
                if len(kept) >= want:
                    break
            else:
                stats.dropped[ev.status] = stats.dropped.get(ev.status, 0) + 1
            if n + 1 >= config.max_candidates:
                break
        return kept

    rng = _rng(config.seed, repo.name, "singles")
    singles_order = _interleaved(sites_by_kind, rng)
    need_pool = quotas["single"] + 2 * quotas["double"] + 3 * quotas["triple"]
    singles = run_shape((Candidate("single", (ps,)) for ps in singles_order), need_pool, quotas["single"])
    single_tasks = singles[:quotas["single"]]
    # Multi-module tasks draw first from the kept singles not used as single tasks.
    spare = [c.sites[0] for c, _ in singles[quotas["single"]:]] or [c.sites[0] for c, _ in singles]
    everything = [c.sites[0] for c, _ in singles]
    single_f2p = {c.sites[0]: ev.fail_to_pass for c, ev in singles}
    multi: list[tuple[Candidate, Evaluation]] = []
    for shape, size in (("double", 2), ("triple", 3)):
        combo_rng = _rng(config.seed, repo.name, shape)
        pool_sites = spare if len({p for p, _ in spare}) >= size else everything
        combos = _combinations(pool_sites, size, combo_rng, config.max_candidates)
        multi += run_shape((Candidate(shape, combo) for combo in combos), quotas[shape], quotas[shape])
    impl_rng = _rng(config.seed, repo.name, "implement")
    impl_order = [implement_sites[i] for i in impl_rng.permutation(len(implement_sites))]
    implement = run_shape((Candidate("implement", (ps,)) for ps in impl_order), quotas["implement"],
                          quotas["implement"])

    chosen = single_tasks + multi + implement
    selections = [_select_behaviours(repo, cand, ev, single_f2p, _rng(config.seed, repo.name, "stmt", i))
                  for i, (cand, ev) in enumerate(chosen)]
    missing_jobs = []
    for (cand, ev), ids in zip(chosen, selections):
        if any(ev.observed.get(i) is None for i in ids):
            missing_jobs.append(({**clean_tree, **cand.changes(source)}, ids, config.sandbox, config.timeout_s))
    described = iter([obs for _, obs in pool.ordered(_describe_job, missing_jobs)])
    tasks: list[SweTask] = []
    for i, ((cand, ev), ids) in enumerate(zip(chosen, selections)):
        observed = dict(ev.observed)
        if any(ev.observed.get(t) is None for t in ids):
            observed.update({k: v for k, v in next(described).items() if v is not None})
        task = _build_task(repo, cand, ev, ids, observed, config.seed, i)
        if task is None:
            stats.dropped["statement_leak"] = stats.dropped.get("statement_leak", 0) + 1
            continue
        tasks.append(task)
    return tasks


def _evaluate_job_with_candidate(job: tuple) -> Evaluation:
    return _evaluate_job(job[:4])


def _select_behaviours(repo: BundledRepo, cand: Candidate, ev: Evaluation,
                       single_f2p: dict[tuple[str, Site], list[str]], rng: np.random.Generator) -> list[str]:
    """The failing tests the statement describes: visible ones first; one per mutation for multi-module tasks."""
    def is_hidden(test_id: str) -> bool:
        return test_id.split("::", 1)[0] in repo.hidden_tests

    def pick(ids: Sequence[str], k: int) -> list[str]:
        visible = [i for i in ids if not is_hidden(i)]
        if visible:
            return [visible[j] for j in sorted(rng.permutation(len(visible))[:k])]
        hidden = list(ids)
        return [hidden[j] for j in sorted(rng.permutation(len(hidden))[:min(k, 2)])]

    if len(cand.sites) == 1:
        return pick(ev.fail_to_pass, 3)
    chosen: list[str] = []
    f2p = set(ev.fail_to_pass)
    for ps in cand.sites:
        own = [i for i in single_f2p.get(ps, []) if i in f2p and i not in chosen] or \
            [i for i in ev.fail_to_pass if i not in chosen]
        chosen += pick(own, 1) if own else []
    return chosen


def _build_task(repo: BundledRepo, cand: Candidate, ev: Evaluation, ids: Sequence[str],
                observed: dict[str, str | None], seed: int, index: int) -> SweTask | None:
    source = repo.source
    buggy_source = {**source, **cand.changes(source)}
    gold = make_patch(buggy_source, source)
    docstrings = statements.test_docstrings({**repo.visible_tests, **repo.hidden_tests})
    behaviours = []
    for test_id in ids:
        hidden = test_id.split("::", 1)[0] in repo.hidden_tests
        behaviours.append(statements.Behaviour(test_id, statements.docstring_for(test_id, docstrings),
                                               observed.get(test_id), hidden))
    test_files = {**repo.visible_tests, **repo.hidden_tests}
    # A behaviour whose text would leak test code or the fix is left out; no behaviour left: no task.
    clean_behaviours = []
    for b in behaviours:
        probe = statements.write_statement(repo.package, repo.description, [b], seed=0)
        if not statements.find_leaks(probe, test_files=test_files, gold_patch=gold):
            clean_behaviours.append(b)
    if not clean_behaviours:
        return None
    digest = hashlib.sha1(gold.encode()).hexdigest()[:10]
    stmt_seed = zlib.crc32(f"{seed}/{repo.name}/{digest}".encode())
    statement = statements.write_statement(repo.package, repo.description, clean_behaviours, seed=stmt_seed)
    if statements.find_leaks(statement, test_files=test_files, gold_patch=gold):
        return None
    kind = "implement" if cand.shape == "implement" else "mutation"
    meta = {"shape": cand.shape, "seed": seed, "generator": GENERATOR_VERSION,
            "mutations": [{"path": p, "kind": s.kind, "function": s.function, "lineno": s.lineno,
                           "description": s.description} for p, s in cand.sites]}
    return SweTask(id=f"{repo.name}-{kind}-{digest}", repo=repo.name, problem_statement=statement,
                   files={**buggy_source, **repo.visible_tests}, hidden_files=repo.hidden_files, gold_patch=gold,
                   fail_to_pass=tuple(ev.fail_to_pass), pass_to_pass=tuple(ev.pass_to_pass), kind=kind, meta=meta)


# ---------------------------------------------------------------------------
# Many repositories, caching, files.

class _Progress:
    def __init__(self, total: int, desc: str) -> None:
        try:
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=desc, unit="task")
        except ImportError:
            self.bar = None
        self.total, self.done, self.desc = total, 0, desc

    def update(self, n: int) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)
        else:
            print(f"{self.desc}: {self.done}/{self.total} tasks", file=sys.stderr, flush=True)

    def note(self, text: str) -> None:
        if self.bar is not None:
            self.bar.set_postfix_str(text)
        else:
            print(f"{self.desc}: {text}", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def generate(repos: Sequence[str] | None = None, config: GenConfig = GenConfig(), *,
             root: str | Path | None = None, show_progress: bool = False,
             use_cache: bool = True) -> tuple[list[SweTask], list[RepoStats]]:
    """Generate tasks for several repositories with one worker pool.

    With ``use_cache``, each repository's tasks are stored under
    :func:`cache_dir` keyed by the generator version, the config and the
    repository's content hash, and reused while none of them changes.
    """
    names = list(repos) if repos else list_repos(root)
    if not names:
        raise ConfigError("no bundled SWE repositories found; nothing to generate")
    bar = _Progress(config.per_repo * len(names), "swe tasks") if show_progress else None
    pool: _Pool | None = None
    tasks: list[SweTask] = []
    all_stats: list[RepoStats] = []
    try:
        for name in names:
            repo = load_repo(name, root)
            if bar:
                bar.note(name)
            path = _repo_cache_path(repo, config)
            if use_cache and path.is_file():
                cached = json.loads(path.read_text(encoding="utf-8"))
                repo_tasks = [SweTask.from_dict(_with_trees(r, repo), i) for i, r in enumerate(cached["tasks"])]
                stats = RepoStats(**cached["stats"])
                if bar:
                    bar.update(len(repo_tasks))
            else:
                pool = pool or _Pool(config.workers)
                repo_tasks, stats = generate_repo(repo, config, pool, bar.update if bar else None)
                if use_cache:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    tmp = path.with_suffix(".tmp")
                    tmp.write_text(json.dumps({"stats": asdict(stats), "tasks": [
                        t.to_record(repo.content_hash) for t in repo_tasks]}), encoding="utf-8")
                    os.replace(tmp, path)
            tasks += repo_tasks
            all_stats.append(stats)
    finally:
        if pool is not None:
            pool.close()
        if bar:
            bar.close()
    return tasks, all_stats


def _repo_cache_path(repo: BundledRepo, config: GenConfig) -> Path:
    key = json.dumps({"v": GENERATOR_VERSION, "config": config.key(), "repo": repo.name,
                      "hash": repo.content_hash}, sort_keys=True)
    return cache_dir() / f"{repo.name}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.json"


def _with_trees(record: dict[str, Any], repo: BundledRepo) -> dict[str, Any]:
    """A compact record made full against ``repo`` (which may live outside the bundled directory)."""
    from rlvr.envs.swe.task import BUNDLED_KEY, apply_patch

    full = {k: v for k, v in record.items() if k != BUNDLED_KEY}
    full["files"] = {**apply_patch(repo.source, record["gold_patch"], reverse=True), **repo.visible_tests}
    full["hidden_files"] = repo.hidden_files
    return full


def write_tasks(tasks: Sequence[SweTask], path: str | Path, root: str | Path | None = None) -> None:
    """Write compact records (trees rebuilt from the bundled repositories on load), one per line."""
    hashes = {name: load_repo(name, root).content_hash for name in {t.repo for t in tasks}}
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        for task in tasks:
            fh.write(json.dumps(task.to_record(hashes[task.repo]), sort_keys=True) + "\n")
    os.replace(tmp, path)


def read_tasks(path: str | Path) -> list[SweTask]:
    """Tasks from a JSON-lines file (full or compact records)."""
    with open(path, encoding="utf-8") as fh:
        return [SweTask.from_dict(json.loads(line), i) for i, line in enumerate(fh) if line.strip()]


def generate_tasks(repos: Sequence[str] | None = None, config: GenConfig = GenConfig(),
                   use_cache: bool = True) -> list[SweTask]:
    """On-demand generation over bundled repositories, cached per repository under :func:`cache_dir`."""
    tasks, _ = generate(repos, config, use_cache=use_cache)
    return tasks


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="rlvr swe build-tasks",
                                     description="Generate SWE-v0 tasks from the bundled repositories.")
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="JSON-lines file to write")
    parser.add_argument("--per-repo", type=int, default=GenConfig.per_repo, help="tasks per repository")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repos", nargs="*", default=None, help="repository names (default: all bundled)")
    parser.add_argument("--workers", type=int, default=GenConfig.workers)
    parser.add_argument("--timeout", type=float, default=GenConfig.timeout_s, help="seconds per test run")
    parser.add_argument("--sandbox", default=None, help="bwrap (default), docker or process")
    parser.add_argument("--no-cache", action="store_true", help="regenerate every repository (ignore the cache)")
    args = parser.parse_args(argv)
    config = GenConfig(per_repo=args.per_repo, seed=args.seed, workers=args.workers, timeout_s=args.timeout,
                       sandbox=args.sandbox)
    start = time.monotonic()
    tasks, stats = generate(args.repos, config, show_progress=True, use_cache=not args.no_cache)
    write_tasks(tasks, args.out)
    elapsed = time.monotonic() - start
    # generation_s: seconds spent generating each repository's tasks (when it was generated);
    # run_s: this run, where cached repositories cost nothing.
    summary = {"tasks": len(tasks), "generation_s": round(sum(s.wall_s for s in stats), 1),
               "run_s": round(elapsed, 1), "generator": GENERATOR_VERSION, "config": config.key(),
               "repos": [asdict(s) for s in stats]}
    Path(str(args.out) + ".stats.json").write_text(json.dumps(summary, indent=1, sort_keys=True) + "\n")
    for s in stats:
        print(f"{s.repo:12s} tasks {sum(s.tasks.values()):3d} {s.tasks}  evaluated {s.evaluated}  "
              f"kept {s.kept}  dropped {s.dropped}  {s.wall_s:.0f}s")
    print(f"{len(tasks)} tasks -> {args.out} in {elapsed:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
