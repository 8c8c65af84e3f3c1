"""ComputerUse-v0 against the ``miniwob`` package's own Gymnasium env: steps/s and reset latency.

Both envs run the same MiniWoB tasks from the same installed package, in the
same Debian Chromium (the ``miniwob`` env through Selenium + chromedriver,
pointed at it with ``MINIWOB_CHROME_BINARY``/``MINIWOB_CHROMEDRIVER``; ours
through Playwright), headless, in one process, one after the other per task
so machine load weighs on both alike. Each episode is solved by a scripted
policy taking the same actions in both envs (ours: the suite's oracle reading
our page tree; theirs: the same plan read from its ``dom_elements``), so the
step counts match. Policy time is excluded: a step is the ``env.step`` call.

Pairings: ours with text observations vs theirs without screenshots, and ours
with screenshots vs theirs with screenshots (its default). Ours runs at its
defaults (``isolation="document"``, ``input_mode="real"``) and in the opt-in
modes (``isolation="context"``; ``input_mode="dom"``). What differs by design:
our reset scrubs the page's state and loads the task as a fresh document
(or opens a fresh browser context); theirs restarts the task's JavaScript in
the same page.

Also measured: the desktop suite's steps/s and reset latency (oracle policy),
when the suite is installed.

Usage::

    python benchmarks/computer_use.py                      # full run, writes the JSON
    python benchmarks/computer_use.py --episodes 3 --out /tmp/cu.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TASKS = ("click-button", "click-link", "focus-text", "click-dialog", "click-tab", "click-checkboxes",
         "enter-text", "login-user")


# ----------------------------------------------------------------- our env
class Ours:
    """ComputerUse-v0 on one MiniWoB task; ``episode(seed, record)`` runs one timed episode."""

    def __init__(self, task: str, screenshot: bool, isolation: str, input_mode: str = "real") -> None:
        from rlvr.envs.computer_use.env import ComputerUseEnv

        self.env = ComputerUseEnv(suite="miniwob", task=task, obs_mode="text", screenshot=screenshot,
                                  max_turns=10, isolation=isolation, input_mode=input_mode)
        self.env.reset(seed=10_000)   # launch the browser outside the timings

    def episode(self, seed: int, record: dict) -> None:
        env = self.env
        start = time.perf_counter()
        env.reset(seed=seed)
        record["resets"].append(time.perf_counter() - start)
        for _ in range(10):
            text = f"<tool_call>{json.dumps(env.oracle_action())}</tool_call>"   # policy time: not timed
            start = time.perf_counter()
            _, reward, terminated, truncated, _ = env.step(text)
            record["steps"].append(time.perf_counter() - start)
            if terminated or truncated:
                record["wins"] += reward == 1.0
                break
        record["episodes"] += 1

    def close(self) -> None:
        self.env.close()


# ------------------------------------------------------- the miniwob env
def _their_plan(task: str, obs: dict) -> list[tuple[str, dict]]:
    """The scripted actions for the miniwob env, from its first observation."""
    elems = obs["dom_elements"]
    utterance = obs["utterance"]
    quoted = re.findall(r'"([^"]*)"', utterance)

    def ref(pred) -> int:
        return int(next(e["ref"] for e in elems if pred(e)))

    def children_text(e) -> str:
        return " ".join(c["text"] for c in elems if c["parent"] == e["ref"] and c["tag"] == "t")

    if task == "click-button":
        return [("CLICK_ELEMENT", {"ref": ref(lambda e: e["tag"] == "button" and e["text"] == quoted[0])})]
    if task == "click-link":
        return [("CLICK_ELEMENT", {"ref": ref(lambda e: e["tag"] == "span" and e["text"] == quoted[0])})]
    if task == "focus-text":
        return [("CLICK_ELEMENT", {"ref": ref(lambda e: e["tag"].startswith("input_text"))})]
    if task == "click-dialog":
        return [("CLICK_ELEMENT", {"ref": ref(lambda e: e["tag"] == "button" and "Close" in children_text(e))})]
    if task == "click-tab":
        n = re.search(r"Tab #(\d+)", utterance).group(1)
        return [("CLICK_ELEMENT", {"ref": ref(lambda e: e["tag"] == "a" and e["text"] == f"Tab #{n}")})]
    if task == "click-checkboxes":
        m = re.match(r"Select (.*) and click Submit", utterance)
        wanted = set() if m.group(1) == "nothing" else {w.strip() for w in m.group(1).split(",")}
        plan = []
        for label in (e for e in elems if e["tag"] == "label"):
            if children_text(label) in wanted:
                box = ref(lambda e, p=label["ref"]: e["parent"] == p and e["tag"] == "input_checkbox")
                plan.append(("CLICK_ELEMENT", {"ref": box}))
        return plan + [("CLICK_ELEMENT", {"ref": ref(lambda e: e["tag"] == "button" and e["text"] == "Submit")})]
    if task == "enter-text":
        field = ref(lambda e: e["tag"] == "input_text")
        return [("FOCUS_ELEMENT_AND_TYPE_TEXT", {"ref": field, "text": quoted[0].strip()}),
                ("CLICK_ELEMENT", {"ref": ref(lambda e: e["tag"] == "button" and e["text"] == "Submit")})]
    if task == "login-user":
        return [("FOCUS_ELEMENT_AND_TYPE_TEXT", {"ref": ref(lambda e: e["tag"] == "input_text"), "text": quoted[0]}),
                ("FOCUS_ELEMENT_AND_TYPE_TEXT", {"ref": ref(lambda e: e["tag"] == "input_password"),
                                                 "text": quoted[1]}),
                ("CLICK_ELEMENT", {"ref": ref(lambda e: e["tag"] == "button" and e["text"] == "Login")})]
    raise ValueError(task)


class Theirs:
    """The miniwob package's Gymnasium env (Selenium + chromedriver) on one task."""

    def __init__(self, task: str, screenshot: bool, isolation: str = "", input_mode: str = "") -> None:
        os.environ.setdefault("MINIWOB_CHROME_BINARY", "/usr/bin/chromium")
        os.environ.setdefault("MINIWOB_CHROMEDRIVER", "/usr/bin/chromedriver")
        import gymnasium as gym
        import miniwob

        gym.register_envs(miniwob)
        self.task = task
        self.options = {"record_screenshots": screenshot}
        self.env = gym.make(f"miniwob/{task}-v1")
        self.env.reset(seed=10_000, options=self.options)   # start the driver outside the timings

    def episode(self, seed: int, record: dict) -> None:
        env = self.env
        start = time.perf_counter()
        obs, _ = env.reset(seed=seed, options=self.options)
        record["resets"].append(time.perf_counter() - start)
        for kind, args in _their_plan(self.task, obs):
            action = env.unwrapped.create_action(kind, **args)
            start = time.perf_counter()
            obs, reward, terminated, truncated, info = env.step(action)
            record["steps"].append(time.perf_counter() - start)
            if terminated or truncated:
                record["wins"] += float(info.get("raw_reward", reward)) >= 1.0
                break
        record["episodes"] += 1

    def close(self) -> None:
        self.env.close()


# ------------------------------------------------------------ desktop suite
def run_desktop(episodes: int) -> dict | None:
    try:
        from rlvr.envs.computer_use.desktop.suite import DesktopSuite  # noqa: F401
    except ImportError:
        return None
    from rlvr.envs.computer_use.env import ComputerUseEnv

    env = ComputerUseEnv(suite="desktop", obs_mode="text", max_turns=40)
    resets, steps, wins = [], [], 0
    try:
        env.reset(seed=10_000)
        for seed in range(episodes):
            start = time.perf_counter()
            env.reset(seed=seed)
            resets.append(time.perf_counter() - start)
            for _ in range(env.max_turns):
                action = env.oracle_action()
                if action is None:
                    break
                text = f"<tool_call>{json.dumps(action)}</tool_call>"
                start = time.perf_counter()
                _, reward, terminated, truncated, _ = env.step(text)
                steps.append(time.perf_counter() - start)
                if terminated or truncated:
                    wins += reward == 1.0
                    break
        families = len(env.task_names)
    finally:
        env.close()
    return {**summary({"resets": resets, "steps": steps, "wins": wins, "episodes": episodes}),
            "families": families}


# ------------------------------------------------------------------ report
def summary(run: dict) -> dict:
    steps, resets = run["steps"], run["resets"]
    return {
        "episodes": run["episodes"], "successes": run["wins"], "steps": len(steps),
        "steps_per_s": round(len(steps) / sum(steps), 2) if steps else None,
        "step_ms_median": round(1000 * statistics.median(steps), 1) if steps else None,
        "reset_ms_median": round(1000 * statistics.median(resets), 1) if resets else None,
        "reset_ms_mean": round(1000 * statistics.fmean(resets), 1) if resets else None,
        "episodes_per_s": round(len(resets) / (sum(resets) + sum(steps)), 2) if resets else None,
    }


def merge(runs: list[dict]) -> dict:
    return {"resets": [r for x in runs for r in x["resets"]], "steps": [s for x in runs for s in x["steps"]],
            "wins": sum(x["wins"] for x in runs), "episodes": sum(x["episodes"] for x in runs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--episodes", type=int, default=8, help="episodes per task and env")
    parser.add_argument("--desktop-episodes", type=int, default=30)
    parser.add_argument("--tasks", nargs="*", default=list(TASKS), choices=TASKS)
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "computer_use.json"))
    args = parser.parse_args()

    seeds = list(range(args.episodes))
    load_before = os.getloadavg()
    configs = (("ours_text_document_real", Ours, False, "document", "real"),    # the defaults
               ("ours_text_context_real", Ours, False, "context", "real"),
               ("ours_text_document_dom", Ours, False, "document", "dom"),
               ("theirs_no_screenshot", Theirs, False, "", ""),
               ("ours_screenshot_document_real", Ours, True, "document", "real"),   # defaults + screenshots
               ("ours_screenshot_document_dom", Ours, True, "document", "dom"),
               ("theirs_screenshot", Theirs, True, "", ""))
    runs: dict[str, dict[str, dict]] = {name: {} for name, *_ in configs}
    for task in args.tasks:
        # every env of the task is alive at once and episodes alternate between them,
        # so a change in machine load weighs on all of them alike
        envs_now = {name: cls(task, shot, isolation, mode) for name, cls, shot, isolation, mode in configs}
        for name in envs_now:
            runs[name][task] = {"resets": [], "steps": [], "wins": 0, "episodes": 0}
        try:
            for seed in seeds:
                for name, runner in envs_now.items():
                    runner.episode(seed, runs[name][task])
        finally:
            for runner in envs_now.values():
                runner.close()
        for name in envs_now:
            s = summary(runs[name][task])
            print(f"{task:18s} {name:26s} {s['steps_per_s']:7.2f} steps/s  reset {s['reset_ms_median']:7.1f} ms"
                  f"  solved {s['successes']}/{s['episodes']}", flush=True)
    envs = {name: {"total": summary(merge(list(per_task.values()))),
                   "per_task": {t: summary(r) for t, r in per_task.items()}} for name, per_task in runs.items()}
    pairs = [("ours_text_document_real", "theirs_no_screenshot"), ("ours_text_context_real", "theirs_no_screenshot"),
             ("ours_text_document_dom", "theirs_no_screenshot"), ("ours_screenshot_document_real", "theirs_screenshot"),
             ("ours_screenshot_document_dom", "theirs_screenshot")]

    def ratio(ours: str, theirs: str, key: str) -> float:
        return round(envs[ours]["total"][key] / envs[theirs]["total"][key], 2)
    desktop = run_desktop(args.desktop_episodes)
    result = {
        "benchmark": "ComputerUse-v0 (Playwright) vs miniwob's Gymnasium env (Selenium), same tasks and Chromium",
        "tasks": list(args.tasks), "episodes_per_task": args.episodes,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "load_avg_before": [round(x, 1) for x in load_before],
                    "load_avg_after": [round(x, 1) for x in os.getloadavg()], "chromium": _chromium_version()},
        "envs": envs,
        "steps_per_s_ratio": {f"{ours} / {theirs}": ratio(ours, theirs, "steps_per_s") for ours, theirs in pairs},
        "reset_latency_ratio (ours / theirs, median)": {
            f"{ours} / {theirs}": ratio(ours, theirs, "reset_ms_median") for ours, theirs in pairs},
        "desktop_suite": desktop,
        "notes": ("a step is one env.step call (policy time excluded). ours_*_document: the default isolation - "
                  "one page reused, scrubbed between episodes (popups closed, stored data and cookies deleted, "
                  "window name, history and hover reset) and the task loaded as a fresh document; ours_*_context: "
                  "a fresh browser context every reset (isolation='context', opt-in). *_real: clicks are trusted "
                  "mouse input (the default), 2 browser round trips per click step (mouse press where the last page "
                  "walk found the element, page walk); "
                  "*_dom: the click's event sequence dispatched in page JavaScript with the page "
                  "read in the same round trip (input_mode='dom'), as the miniwob env clicks (element.click()). "
                  "The miniwob env restarts the task's JavaScript in the same page without reloading it. "
                  "Success = raw MiniWoB reward >= 1.0. The 2-core machine was shared with other jobs (see "
                  "load_avg): absolute figures are noisy; episodes alternate between envs, so ratios are fair."),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps({"ratio": result["steps_per_s_ratio"], "reset": result["reset_latency_ratio (ours / theirs, median)"],
                      "totals": {k: v["total"] for k, v in envs.items()}, "desktop": desktop}, indent=2))


def _chromium_version() -> str:
    import subprocess

    try:
        out = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True, timeout=20)
        return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"


if __name__ == "__main__":
    np.set_printoptions(precision=3)
    main()
