"""SWE-v0 latency per sandbox backend: reset, tool calls, and submit-to-verdict.

Each episode: ``reset`` (a fresh workspace session with the task's files and
one git commit), a ``bash`` ``ls``, a ``view`` of a source file, the gold
patch written through ``bash`` (untimed), then ``submit`` (the policy's
changes read back, applied to a pristine tree with the hidden tests, and
every FAIL_TO_PASS/PASS_TO_PASS test run in a fresh sandbox under the
trusted runner). Every gold submission must score 1, or the figures are
not reported as valid. Medians over the episodes, per backend.

Targets on the project machine: reset <= 0.5 s and verdict <= 5 s with bwrap.

    python benchmarks/swe_env.py [--episodes 10] [--backends bwrap docker] [--tasks-file F.jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from pathlib import Path

RESULTS = Path(__file__).parent / "results" / "swe_env.json"


def tasks_for_benchmark(path: str | None = None):
    from rlvr.envs.swe.env import JsonlSource
    from rlvr.envs.swe.testing import bundled_tasks, hand_written_task

    if path:
        source = JsonlSource(path)
        return [source[i] for i in range(len(source))], path
    bundled = bundled_tasks()
    return (bundled, "bundled") if bundled else ([hand_written_task()], "hand-written")


def summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"median_s": round(statistics.median(ordered), 4), "mean_s": round(statistics.fmean(ordered), 4),
            "p90_s": round(ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))], 4),
            "min_s": round(ordered[0], 4), "max_s": round(ordered[-1], 4)}


def bench_backend(backend: str, tasks, episodes: int) -> dict:
    from rlvr.envs.swe.env import SweEnv
    from rlvr.envs.swe.testing import gold_files_command, tool_call

    env = SweEnv(tasks=[t.to_dict() for t in tasks], obs_mode="text", sandbox=backend)
    times: dict[str, list[float]] = {"reset": [], "bash_ls": [], "view": [], "verdict": []}
    rewards, files = [], []
    try:
        env.reset(options={"task_index": 0})  # warm-up: imports, sandbox probe, first container
        env.step(tool_call("submit"))
        for episode in range(episodes):
            index = episode % len(tasks)
            task = tasks[index]
            source = sorted(p for p in task.files if p.endswith(".py") and not p.startswith("tests/"))[-1]
            start = time.perf_counter()
            env.reset(options={"task_index": index})
            times["reset"].append(time.perf_counter() - start)
            start = time.perf_counter()
            env.step(tool_call("bash", command="ls"))
            times["bash_ls"].append(time.perf_counter() - start)
            start = time.perf_counter()
            env.step(tool_call("view", path=source))
            times["view"].append(time.perf_counter() - start)
            env.step(tool_call("bash", command=gold_files_command(task)))
            start = time.perf_counter()
            _, reward, terminated, _, info = env.step(tool_call("submit"))
            times["verdict"].append(time.perf_counter() - start)
            rewards.append(reward)
            files.append(len(task.files) + len(task.hidden_files))
            print(f"  {backend} episode {episode}: reset {times['reset'][-1]:.3f}s, verdict "
                  f"{times['verdict'][-1]:.3f}s, reward {reward}", flush=True)
    finally:
        env.close()
    return {"episodes": episodes, "gold_rewards_all_1": all(r == 1.0 for r in rewards),
            "mean_files_per_task": round(statistics.fmean(files), 1),
            **{name: summary(values) for name, values in times.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--episodes", type=int, default=10)
    parser.add_argument("--backends", nargs="+", default=["bwrap", "docker"])
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--tasks-file", default=None, help="JSON-lines tasks (default: the bundled tasks)")
    args = parser.parse_args()
    tasks, kind = tasks_for_benchmark(args.tasks_file)
    results: dict = {
        "benchmark": "swe_env", "tasks": kind, "n_tasks": len(tasks), "episodes": args.episodes,
        "mean_tests_per_task": round(statistics.fmean(len(t.all_test_ids) for t in tasks), 1),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "load_avg_1m_at_start": round(os.getloadavg()[0], 2)},
        "targets": {"bwrap_reset_median_s": 0.5, "bwrap_verdict_median_s": 5.0},
        "backends": {},
    }
    for backend in args.backends:
        print(f"{backend}:", flush=True)
        try:
            results["backends"][backend] = bench_backend(backend, tasks, args.episodes)
        except Exception as exc:  # a missing backend is reported, not fatal
            results["backends"][backend] = {"error": f"{type(exc).__name__}: {exc}"}
    results["machine"]["load_avg_1m_at_end"] = round(os.getloadavg()[0], 2)
    bwrap = results["backends"].get("bwrap", {})
    if "reset" in bwrap:
        results["targets"]["met"] = (bwrap["reset"]["median_s"] <= 0.5 and bwrap["verdict"]["median_s"] <= 5.0
                                     and bwrap["gold_rewards_all_1"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
