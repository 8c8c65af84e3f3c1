"""Math-v0 throughput: reset + one step per episode, tokens mode, byte tokenizer, one core.

The policy is scripted and cheap: half of the episodes answer ``\\boxed{<gold>}``
(so the verifier's equivalence path runs), half answer a wrong value. The
process and its verifier workers are pinned to one CPU core. Target: >= 1,000
episodes/s overall.

    python benchmarks/env_throughput.py [--episodes 2000] [--difficulty 5]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

import gymnasium as gym

import rlvr
from rlvr.core.tokenizers import ByteTokenizer
from rlvr.envs.math.families import FAMILIES

RESULTS = Path(__file__).parent / "results" / "env_throughput.json"


def run(env: gym.Env, episodes: int, seed0: int) -> tuple[float, float]:
    """Episodes per second and mean reward over ``episodes`` reset+step episodes."""
    tok = ByteTokenizer()
    total_reward = 0.0
    start = time.perf_counter()
    for i in range(episodes):
        env.reset(seed=seed0 + i)
        answer = env.unwrapped.task["answer"] if i % 2 == 0 else "-987654321"
        _, reward, *_ = env.step(tok.encode(f"The answer is \\boxed{{{answer}}}"))
        total_reward += reward
    return episodes / (time.perf_counter() - start), total_reward / episodes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=2000, help="episodes overall (per family: a quarter)")
    parser.add_argument("--difficulty", type=int, default=5)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # children inherit it

    per_family = {}
    for name in sorted(FAMILIES):
        env = gym.make("rlvr/Math-v0", family=name, difficulty=args.difficulty)
        run(env, 20, 10**6)  # warm-up: workers started, caches primed
        eps, mean_reward = run(env, max(args.episodes // 4, 50), 0)
        per_family[name] = {"episodes_per_s": round(eps, 1), "mean_reward": round(mean_reward, 3)}
        print(f"{name:<28} {eps:>9.0f} episodes/s   mean reward {mean_reward:.2f}")
        env.close()

    env = gym.make("rlvr/Math-v0", difficulty=args.difficulty)
    run(env, 50, 10**6)
    overall, mean_reward = run(env, args.episodes, 0)
    env.close()
    print(f"{'overall (all families)':<28} {overall:>9.0f} episodes/s   mean reward {mean_reward:.2f}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({
        "benchmark": "Math-v0 reset+step, tokens mode, byte tokenizer, one core",
        "rlvr_version": rlvr.__version__, "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores", "difficulty": args.difficulty,
        "episodes": args.episodes, "overall_episodes_per_s": round(overall, 1),
        "target_episodes_per_s": 1000, "per_family": per_family,
    }, indent=2) + "\n")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
