"""Sandbox start overhead: ``python3 -c pass`` through each backend against a bare interpreter.

Per backend (bwrap, process, docker when an engine and the image are there)
the median wall time of one complete ``sandbox.run(["python3", "-c", "pass"])``
as a caller pays it (workdir set-up, namespaces or container exec, limits,
the interpreter's start, the kill and clean-up of the process tree),
against the same host interpreter started bare with ``subprocess.run``:

* ``bare -I``: ``python3 -I -c pass``, the baseline of the target (bwrap <= 1.5x);
* ``bare -I -S``: ``python3 -I -S -c pass``, for reference (no ``site`` at all).

Caveat, printed with the table: the sandboxes run the interpreter with its
site-packages masked, so ``site`` finds no ``.pth`` files there. A host
whose site-packages has a ``.pth`` that imports modules at every start makes
``bare -I`` slow and the sandbox look faster than bare Python; then
``bare -I -S`` is the honest comparison (and ``overhead_ms`` in any case).

All variants run interleaved, round-robin, in one process, so that load from
other jobs on the machine hits them alike; one untimed warm-up run of each
first (imports, bwrap's probe, docker's image check). Results go to
``benchmarks/results/sandbox_overhead.json``.

    python benchmarks/sandbox_overhead.py [--runs 100] [--backends bwrap,process,docker]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

RESULTS = Path(__file__).parent / "results" / "sandbox_overhead.json"
TARGET_BWRAP = 1.5


def _bare(python: str, *flags: str) -> Callable[[], None]:
    argv = [python, *flags, "-c", "pass"]

    def run() -> None:
        subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=True)
    return run


def _sandboxed(sandbox) -> Callable[[], None]:
    from rlvr.verifiers.sandbox import Limits

    limits = Limits(wall_s=30, cpu_s=10)

    def run() -> None:
        result = sandbox.run(["python3", "-c", "pass"], limits=limits)
        if not result.ok:
            raise RuntimeError(f"{sandbox.name}: python3 -c pass failed: {result}")
    return run


def _pooled(sandbox, warm: bool) -> Callable[[], None]:
    from rlvr.verifiers.sandbox import Limits
    from rlvr.verifiers.sandbox.pool import BwrapPool

    pool = BwrapPool(sandbox, "def main():\n    pass\n", max_workers=1)
    limits = Limits(wall_s=30, cpu_s=10)

    def run() -> None:
        result = pool.run_warm(limits=limits) if warm else pool.run(["python3", "-c", "pass"], limits=limits)
        if not result.ok:
            raise RuntimeError(f"bwrap pool: run failed: {result}")
    return run


def _backends(names: list[str]) -> tuple[dict[str, object], dict[str, str]]:
    from rlvr.verifiers.sandbox import SandboxUnavailable, get_sandbox

    found, missing = {}, {}
    for name in names:
        try:
            found[name] = get_sandbox(name, quiet=True) if name == "process" else get_sandbox(name)
        except (SandboxUnavailable, ImportError) as exc:
            missing[name] = str(exc)
    return found, missing


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=100, help="timed runs per variant (default: %(default)s)")
    parser.add_argument("--backends", default="bwrap,process,docker",
                        help="comma-separated backends (default: %(default)s)")
    parser.add_argument("--output", type=Path, default=RESULTS, help="JSON results (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.runs < 5:
        parser.error(f"--runs must be at least 5 for a meaningful median, got {args.runs}")

    from rlvr.verifiers.sandbox.bwrap import base_interpreter

    python = base_interpreter()  # what "python3" means inside bwrap and process
    sandboxes, missing = _backends([b for b in args.backends.split(",") if b])
    variants: dict[str, Callable[[], None]] = {
        "bare -I": _bare(python, "-I"),
        "bare -I -S": _bare(python, "-I", "-S"),
    }
    for name, sandbox in sandboxes.items():
        variants[name] = _sandboxed(sandbox)
        if name == "bwrap":
            variants["bwrap pool exec"] = _pooled(sandbox, warm=False)
            variants["bwrap pool warm"] = _pooled(sandbox, warm=True)
    for run in variants.values():  # warm-up, untimed
        run()

    times: dict[str, list[float]] = {name: [] for name in variants}
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    for _ in range(args.runs):
        for name, run in variants.items():
            t0 = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - t0)
    total_s = time.perf_counter() - started
    load_after = os.getloadavg()[0]

    med = {name: statistics.median(ts) for name, ts in times.items()}
    bare_i, bare_is = med["bare -I"], med["bare -I -S"]
    rows = {}
    for name, ts in times.items():
        rows[name] = {
            "median_ms": round(med[name] * 1e3, 2),
            "p10_ms": round(_percentile(ts, 0.10) * 1e3, 2),
            "p90_ms": round(_percentile(ts, 0.90) * 1e3, 2),
            "vs_bare_I": round(med[name] / bare_i, 2),
            "vs_bare_I_S": round(med[name] / bare_is, 2),
            "overhead_ms_vs_bare_I_S": round((med[name] - bare_is) * 1e3, 2),
        }
    for name, sandbox in sandboxes.items():
        rows[name]["description"] = getattr(sandbox, "description", name)
    if "bwrap pool exec" in rows:
        rows["bwrap pool exec"]["description"] = ("a fresh sandbox forked from a warm bwrap worker, then "
                                                  "exec python3 -c pass in it")
        rows["bwrap pool warm"]["description"] = ("a fresh sandbox forked from a warm bwrap worker whose "
                                                  "interpreter is already started (what the code verifier uses)")
    site_cost_ms = (bare_i - bare_is) * 1e3
    result = {
        "runs": args.runs,
        "interpreter": python,
        "command": "python3 -c pass",
        "variants": rows,
        "unavailable": missing,
        "target_bwrap_vs_bare_I": TARGET_BWRAP,
        "bwrap_meets_target": (rows["bwrap"]["vs_bare_I"] <= TARGET_BWRAP) if "bwrap" in rows else None,
        "bwrap_meets_target_vs_bare_I_S": (rows["bwrap"]["vs_bare_I_S"] <= TARGET_BWRAP) if "bwrap" in rows else None,
        "bwrap_pool_exec_meets_target_vs_bare_I_S": (rows["bwrap pool exec"]["vs_bare_I_S"] <= TARGET_BWRAP)
        if "bwrap pool exec" in rows else None,
        "host_site_cost_ms": round(site_cost_ms, 2),
        "note": ("the sandboxes mask site-packages, so a host .pth that imports modules at start-up is "
                 "paid by 'bare -I' only; compare with 'bare -I -S' (and overhead_ms) when "
                 "host_site_cost_ms is large"),
        "seconds": round(total_s, 1),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "euid": os.geteuid(),
            "load_avg_1m_before": round(load_before, 2),
            "load_avg_1m_after": round(load_after, 2),
        },
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n")

    print(f"python3 -c pass, {args.runs} interleaved runs per variant, interpreter {python}")
    print(f"{'variant':<16} {'median ms':>10} {'p10':>8} {'p90':>8} {'vs -I':>7} {'vs -I -S':>9}  description")
    for name, row in rows.items():
        print(f"{name:<16} {row['median_ms']:>10.1f} {row['p10_ms']:>8.1f} {row['p90_ms']:>8.1f} "
              f"{row['vs_bare_I']:>6.2f}x {row['vs_bare_I_S']:>8.2f}x  {row.get('description', '')}")
    for name, why in missing.items():
        print(f"{name:<16} unavailable: {why[:150]}")
    if "bwrap" in rows:
        row = rows["bwrap"]
        print(f"bwrap vs bare -I:    {row['vs_bare_I']:.2f}x  ({'meets' if result['bwrap_meets_target'] else 'MISSES'} "
              f"the <= {TARGET_BWRAP}x target)")
        print(f"bwrap vs bare -I -S: {row['vs_bare_I_S']:.2f}x  "
              f"({'meets' if result['bwrap_meets_target_vs_bare_I_S'] else 'MISSES'} it; "
              f"{row['overhead_ms_vs_bare_I_S']:.0f} ms of sandbox per run)")
    if site_cost_ms > 20:
        print(f"note: site costs {site_cost_ms:.0f} ms on this host (a .pth in the base interpreter's "
              f"site-packages); the sandboxes mask site-packages and do not pay it, so 'vs -I -S' is "
              f"the fairer ratio here")
    print(f"load average {load_before:.1f} -> {load_after:.1f}; wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
