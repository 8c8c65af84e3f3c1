"""The ``rlvr`` command: list envs, play one yourself, evaluate a baseline or a trained model, train."""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from typing import Any, Callable, Sequence


def _env_kwargs(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    try:
        kwargs = json.loads(text)
    except ValueError as exc:
        raise SystemExit(f"--kwargs must be a JSON object, e.g. '{{\"difficulty\": 5}}': {exc}") from None
    if not isinstance(kwargs, dict):
        raise SystemExit("--kwargs must be a JSON object, e.g. '{\"difficulty\": 5}'")
    return kwargs


def cmd_list(args: argparse.Namespace) -> int:
    from rlvr.envs import ENV_DESCRIPTIONS

    width = max(map(len, ENV_DESCRIPTIONS))
    for env_id, description in ENV_DESCRIPTIONS.items():
        print(f"{env_id:<{width}}  {description}")
    return 0


def cmd_play(args: argparse.Namespace) -> int:
    """A person is the policy: read the task, type an answer, see the verdict."""
    import gymnasium as gym

    env = gym.make(args.env_id, obs_mode="text", **_env_kwargs(args.kwargs))
    _, info = env.reset(seed=args.seed)
    for message in info["messages"]:
        print(f"--- {message['role']} ---\n{message['content']}\n")
    while True:
        print("--- your answer (finish with an empty line; Ctrl-D to quit) ---")
        lines = []
        try:
            while (line := input()) != "":
                lines.append(line)
        except EOFError:
            if not lines:
                return 0
        _, reward, terminated, truncated, info = env.step("\n".join(lines))
        if terminated or truncated:
            verdict = info["verdict"]
            print(f"\nverdict: {verdict['status']}  reward: {reward}  details: {json.dumps(verdict['details'])}")
            return 0
        print(f"\n--- {info['messages'][-1]['role']} ---\n{info['messages'][-1]['content']}\n")


def last_number_policy(question: str) -> str:
    """A trivial baseline: box the last number in the question."""
    numbers = re.findall(r"-?\d+(?:\.\d+)?", question)
    return f"\\boxed{{{numbers[-1] if numbers else 0}}}"


BASELINES: dict[str, Callable[[str], str]] = {
    "last-number": last_number_policy,
    "empty": lambda question: "",
}


def cmd_eval(args: argparse.Namespace) -> int:
    """Evaluate a scripted baseline (``--policy``) or a trained model (``--model``) on an env."""
    env_id = args.env or args.env_id
    if args.model is not None:
        if args.policy is not None:
            raise SystemExit("rlvr eval: pass either --policy (a scripted baseline) or --model (a trained model), not both")
        return cmd_eval_model(args, env_id)
    if env_id is None:
        raise SystemExit("rlvr eval: name the env, e.g. rlvr eval rlvr/Math-v0 --policy last-number")
    args.env_id, args.policy = env_id, args.policy or "last-number"
    return cmd_eval_policy(args)


def cmd_eval_model(args: argparse.Namespace, env_id: str | None) -> int:
    """pass@1 (greedy) and pass@k of a model on held-out tasks (``rlvr eval --model PATH --n N --k K``)."""
    from rlvr.agents.evaluate import evaluate_model

    result = evaluate_model(args.model, env=env_id, env_kwargs=_env_kwargs(args.kwargs) if env_id else None,
                            n=args.n, k=args.k, samples_per_task=args.samples, max_new_tokens=args.max_new_tokens,
                            device=args.device, seed=args.seed, start=args.start)
    line = f"{result['env']}: model {args.model}, {int(result['n'])} held-out tasks: pass@1 (greedy) {result['pass@1']:.3f}"
    if args.k > 1:
        line += f", pass@{args.k} {result[f'pass@{args.k}']:.3f}"
    print(line)
    if args.json:
        print(json.dumps(result))
    return 0


def cmd_train(argv: Sequence[str]) -> int:
    """``rlvr train ...`` is ``python -m rlvr.agents.train ...``."""
    from rlvr.agents.train import main as train_main

    return train_main(list(argv))


def cmd_eval_policy(args: argparse.Namespace) -> int:
    """Mean reward of a scripted baseline policy, per task family."""
    import gymnasium as gym

    policy = BASELINES[args.policy]
    env = gym.make(args.env_id, obs_mode="text", **_env_kwargs(args.kwargs))
    totals: dict[str, list[float]] = defaultdict(list)
    start = time.perf_counter()
    for episode in range(args.episodes):
        _, info = env.reset(seed=args.seed + episode)
        question = info["messages"][-1]["content"]
        _, reward, *_ = env.step(policy(question))
        totals[str(env.unwrapped.task.get("family", "all"))].append(reward)
    elapsed = time.perf_counter() - start
    print(f"{args.env_id}: policy '{args.policy}', {args.episodes} episodes in {elapsed:.1f} s "
          f"({args.episodes / elapsed:.0f} episodes/s)")
    print(f"{'family':<24} {'episodes':>8} {'mean reward':>12}")
    for family in sorted(totals):
        rewards = totals[family]
        print(f"{family:<24} {len(rewards):>8} {sum(rewards) / len(rewards):>12.3f}")
    overall = [r for rs in totals.values() for r in rs]
    print(f"{'overall':<24} {len(overall):>8} {sum(overall) / len(overall):>12.3f}")
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    """Which sandbox backends work here and why the others do not."""
    from rlvr.verifiers.sandbox.doctor import diagnose, render

    reports = diagnose()
    print(render(reports))
    return 0 if any(r.works and r.isolates for r in reports) else 1


def cmd_sandbox_build_image(args: argparse.Namespace) -> int:
    """Build the docker backend's base image with debootstrap + docker import."""
    from rlvr.verifiers.sandbox import SandboxUnavailable
    from rlvr.verifiers.sandbox.image import build_image

    try:
        build_image(args.name, suite=args.suite, mirror=args.mirror,
                    packages=[p for p in args.packages.split(",") if p], force=args.force)
    except SandboxUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rlvr", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="every env id with a one-line description").set_defaults(func=cmd_list)

    play = sub.add_parser("play", help="play an env yourself in the terminal")
    play.add_argument("env_id", help="e.g. rlvr/Math-v0")
    play.add_argument("--seed", type=int, default=None, help="task seed (default: random)")
    play.add_argument("--kwargs", help='env keywords as JSON, e.g. \'{"difficulty": 5}\'')
    play.set_defaults(func=cmd_play)

    ev = sub.add_parser("eval", help="evaluate a scripted baseline (--policy) or a trained model (--model)")
    ev.add_argument("env_id", nargs="?", help="e.g. rlvr/Math-v0 (with --model: default is the env it was trained on)")
    ev.add_argument("--env", help="the env id (same as the positional argument)")
    ev.add_argument("--policy", choices=sorted(BASELINES), default=None, help="scripted baseline (default: last-number)")
    ev.add_argument("--episodes", type=int, default=500, help="--policy: episodes")
    ev.add_argument("--seed", type=int, default=0)
    ev.add_argument("--kwargs", help="env keywords as JSON")
    ev.add_argument("--model", help="a model directory saved by `rlvr train` (or any local causal LM), or 'tiny'")
    ev.add_argument("--n", type=int, default=500, help="--model: held-out tasks (task indices [start, start+n))")
    ev.add_argument("--k", type=int, default=1, help="--model: k of pass@k (unbiased estimator)")
    ev.add_argument("--samples", type=int, default=None, help="--model: samples per task for pass@k (default k)")
    ev.add_argument("--start", type=int, default=0, help="--model with an explicit env: first task index")
    ev.add_argument("--max-new-tokens", type=int, default=None, help="--model: cap per answer (default: as trained)")
    ev.add_argument("--device", default="auto", help="--model: auto, cpu, cuda")
    ev.add_argument("--json", action="store_true", help="--model: also print the result as JSON")
    ev.set_defaults(func=cmd_eval)

    sub.add_parser("train", help="train a policy with GRPO-family RL (see rlvr train --help)", add_help=False)
    sub.add_parser("doctor", help="which sandbox backends work on this machine").set_defaults(func=cmd_doctor)
    sandbox = sub.add_parser("sandbox", help="sandbox maintenance").add_subparsers(dest="sandbox_command",
                                                                                   required=True)
    build = sandbox.add_parser("build-image", help="build the docker sandbox image (debootstrap + docker import)")
    build.add_argument("--name", default="rlvr-sandbox:bookworm", help="image name (default: %(default)s)")
    build.add_argument("--suite", default=None, help="Debian suite (default: this machine's, else bookworm)")
    build.add_argument("--mirror", default=None, help="apt mirror (default: from /etc/apt sources)")
    build.add_argument("--packages", default="python3,python3-pytest", help="comma-separated (default: %(default)s)")
    build.add_argument("--force", action="store_true", help="rebuild even if the image exists")
    build.set_defaults(func=cmd_sandbox_build_image)
    swe = sub.add_parser("swe", help="SWE-v0 maintenance").add_subparsers(dest="swe_command", required=True)
    swe.add_parser("build-tasks", add_help=False,
                   help="generate SWE-v0 tasks from the bundled repos (see rlvr swe build-tasks --help)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    import rlvr  # noqa: F401  (registers the env ids)

    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "train":  # the trainer owns its (long) argument list
        return cmd_train(argv[1:])
    if argv[:2] == ["swe", "build-tasks"]:  # the generator owns its argument list
        from rlvr.envs.swe.taskgen import main as build_tasks

        return build_tasks(argv[2:])
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
