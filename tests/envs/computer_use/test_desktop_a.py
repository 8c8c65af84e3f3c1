"""Files, Editor, Mail and cross-app families of the desktop suite, through the real env.

For every family: the oracle solves every seed tried from observations alone,
and no state before its last action passes (selections, drafts and unsaved
edits never count); the state it reaches stops counting once anything the task did not ask for is
also changed (an untouched file deleted, an untouched message re-flagged, a
second message sent); ``done()`` at once never succeeds; a random policy of
valid tool calls almost never does; generation is deterministic per seed.

One env (one Chromium) serves the whole module; every episode is a fresh page.
"""

from __future__ import annotations

import copy
import json

import numpy as np
import pytest

from desktop_cases import env_fixture, require_browser, task_list  # noqa: E402

require_browser()

from rlvr.envs.computer_use.desktop.family import DesktopTask, families  # noqa: E402
from rlvr.envs.computer_use.desktop.suite import judge  # noqa: E402

PREFIXES = ("files_", "editor_", "mail_", "cross_")
ORACLE_SEEDS = range(3)
SLOW_SEEDS = range(3, 8)
RANDOM_SEEDS = range(1000, 1001)
SLOW_RANDOM_SEEDS = range(2000, 2002)
ORACLE_TURNS = 40
RANDOM_TURNS = 12

FAMILIES, TASKS, INDEX = task_list(PREFIXES, [*ORACLE_SEEDS, *SLOW_SEEDS, *RANDOM_SEEDS, *SLOW_RANDOM_SEEDS])

env = env_fixture(TASKS, ORACLE_TURNS)


def _act(env, call: dict):
    return env.step(f"<tool_call>{json.dumps(call)}</tool_call>")


def _reset(env, family: str, seed: int):
    return env.reset(options={"task_index": INDEX[(family, seed)]})


def run_oracle(env, family: str, seed: int, *, judge_each_step: bool = False) -> tuple[dict, dict, int]:
    """Play the oracle to the end. Returns (verdict, state read just before done(), turns).

    With ``judge_each_step`` the state before every action is judged too: only
    the one before ``done()`` may pass, so a selection, a draft or an unsaved
    buffer never counts and the oracle's last action is the one that commits.
    """
    obs, _ = _reset(env, family, seed)
    u = env.unwrapped
    assert "[" in obs and u.episode.instruction in obs
    for turn in range(1, ORACLE_TURNS + 1):
        call = u.oracle_action()
        assert call is not None, f"{family} seed {seed}: the oracle gave no action"
        if call["name"] == "done" or judge_each_step:
            state = u.episode.read_state(u.page)
            if call["name"] != "done":
                early = judge(u.episode.family, u.episode.task, state)
                assert not early.is_correct, f"{family} seed {seed}: goal reached before {call} (turn {turn})"
        obs, reward, terminated, truncated, info = _act(env, call)
        if call["name"] != "done":
            assert "Error" not in obs.split("\n\n", 1)[0], f"{family} seed {seed}: {obs[:300]}"
        if terminated or truncated:
            assert call["name"] == "done", f"{family} seed {seed}: not finished in {ORACLE_TURNS} turns"
            return info["verdict"], state, turn
    raise AssertionError("unreachable")


def collateral_damage(task: DesktopTask, final: dict) -> list[tuple[str, dict]]:
    """Variants of a goal state that also change something the task never mentioned."""
    variants = []
    initial = task.initial_state
    if "files" in initial:
        before = {f["id"]: (f["folder"], f["name"]) for f in initial["files"]["files"]}
        for i, f in enumerate(final["files"]["files"]):
            if before.get(f["id"]) == (f["folder"], f["name"]):
                s = copy.deepcopy(final)
                del s["files"]["files"][i]
                variants.append((f"untouched file {f['name']} deleted", s))
                break
    if "mail" in initial:
        before = {m["id"]: (m["folder"], m["flagged"]) for m in initial["mail"]["messages"]}
        for i, m in enumerate(final["mail"]["messages"]):
            if before.get(m["id"]) == (m["folder"], m["flagged"]):
                s = copy.deepcopy(final)
                s["mail"]["messages"][i]["flagged"] = not m["flagged"]
                variants.append((f"untouched message {m['subject']!r} re-flagged", s))
                break
        sent = [m for m in final["mail"]["messages"] if m["id"] not in before]
        if sent:
            s = copy.deepcopy(final)
            s["mail"]["messages"].append(dict(sent[0], id="extra-sent"))
            variants.append(("the message sent twice", s))
    return variants


@pytest.mark.parametrize("family", FAMILIES)
def test_oracle_solves_and_side_effects_fail(env, family):
    for seed in ORACLE_SEEDS:
        verdict, state, turns = run_oracle(env, family, seed, judge_each_step=True)
        assert verdict["status"] == "correct" and verdict["reward"] == 1.0, (family, seed, verdict)
        u = env.unwrapped
        fam, task = u.episode.family, u.episode.task
        variants = collateral_damage(task, state)
        assert variants, f"{family}: no collateral change applies"
        for what, bad in variants:
            assert not judge(fam, task, bad).is_correct, f"{family} seed {seed}: still correct after {what}"


@pytest.mark.slow
def test_oracle_solves_many_seeds(env):
    failures = []
    for family in FAMILIES:
        for seed in SLOW_SEEDS:
            verdict, _, _ = run_oracle(env, family, seed)
            if verdict["status"] != "correct":
                failures.append((family, seed, verdict["details"]["reason"]))
    assert not failures, failures


@pytest.mark.parametrize("family", FAMILIES)
def test_done_at_once_fails(env, family):
    _reset(env, family, ORACLE_SEEDS[0])
    _, reward, terminated, _, info = _act(env, {"name": "done", "arguments": {}})
    assert terminated and reward == 0.0
    assert info["verdict"]["status"] == "incorrect" and not info["verdict"]["masked"]


def random_call(rng: np.random.Generator, obs, words: list[str]) -> dict:
    """A valid tool call on a random element of the page (never done(); the run ends with it)."""
    nodes = [n for n in obs.nodes if n.id is not None]
    node = nodes[int(rng.integers(len(nodes)))]
    if node.role == "combobox":
        options = []
        i = obs.nodes.index(node) + 1
        while i < len(obs.nodes) and obs.nodes[i].role == "option" and obs.nodes[i].id is None:
            options.append(obs.nodes[i].name)
            i += 1
        if options:
            return {"name": "select", "arguments": {"id": node.id, "option": options[int(rng.integers(len(options)))]}}
    if node.role == "textbox" and rng.random() < 0.8:
        return {"name": "type", "arguments": {"id": node.id, "text": words[int(rng.integers(len(words)))]}}
    if rng.random() < 0.05:
        return {"name": "press", "arguments": {"key": "Enter"}}
    return {"name": "click", "arguments": {"id": node.id}}


def run_random(env, family: str, seed: int) -> bool:
    _reset(env, family, seed)
    u = env.unwrapped
    rng = np.random.default_rng(seed)
    words = u.episode.instruction.replace(",", " ").replace("'", " ").split() + ["hello", "Archive"]
    for _ in range(RANDOM_TURNS - 1):
        _, _, terminated, truncated, info = _act(env, random_call(rng, u.observation, words))
        assert not (terminated or truncated)
    _, reward, terminated, _, info = _act(env, {"name": "done", "arguments": {}})
    assert terminated
    return reward == 1.0


@pytest.mark.parametrize("family", FAMILIES)
def test_random_policy_fails(env, family):
    # One short run per family here (the slow test below runs many): a win would be a 1-in-hundreds fluke.
    assert not any(run_random(env, family, s) for s in RANDOM_SEEDS)


@pytest.mark.slow
def test_random_policy_fails_many(env):
    runs = [(f, s) for f in FAMILIES for s in SLOW_RANDOM_SEEDS]
    wins = [r for r in runs if run_random(env, *r)]
    assert len(wins) <= 0.03 * len(runs), wins


@pytest.mark.parametrize("family", FAMILIES)
def test_generation_is_deterministic_and_varied(family):
    fam = families()[family]
    a = fam.generate(np.random.default_rng([7, 1]))
    b = fam.generate(np.random.default_rng([7, 1]))
    assert (a.instruction, a.initial_state, a.params, a.hidden) == (b.instruction, b.initial_state, b.params, b.hidden)
    instructions = {fam.generate(np.random.default_rng([s, 1])).instruction for s in range(12)}
    assert len(instructions) >= 6, instructions
    # The injected state never already satisfies the goal.
    for s in range(12):
        task = fam.generate(np.random.default_rng([s, 2]))
        full = {app: copy.deepcopy(task.initial_state.get(app, {})) for app in ("files", "mail", "calendar")}
        for app in ("files", "mail"):
            full[app].setdefault("files" if app == "files" else "messages", [])
            full[app].setdefault("folders", [])
        assert not judge(fam, task, full).is_correct, (family, s)


def test_params_never_carry_the_answer_key():
    """Oracles may read params (what the instruction states); the hidden answer key is never among them."""
    for name in FAMILIES:
        for seed in range(5):
            task = families()[name].generate(np.random.default_rng([seed, 3]))
            public = json.dumps(task.params)
            for value in task.hidden.values():
                values = value if isinstance(value, list) else [value]
                for v in values:
                    if isinstance(v, str) and len(v) > 3:
                        assert v not in public, (name, v)
            assert not task.memory, name


# ---- the apps' own guarantees that the rewards rest on ------------------------------------

def _node(env, role: str, name: str):
    node = env.unwrapped.observation.find(role, name)
    assert node is not None, f"no {role} {name!r} in:\n{env.unwrapped.observation.text()}"
    return node


def _click(env, role: str, name: str):
    return _act(env, {"name": "click", "arguments": {"id": _node(env, role, name).id}})


def _type(env, name: str, text: str):
    return _act(env, {"name": "type", "arguments": {"id": _node(env, "textbox", name).id, "text": text}})


def test_files_refuse_name_clashes(env):
    """Renaming onto a taken name (or to a name with a slash) changes nothing: no file is silently overwritten."""
    _reset(env, "files_rename", 0)
    u = env.unwrapped
    folder = u.episode.task.params["folder"] or "Home"
    _click(env, "button", "Files")
    _click(env, "button", folder)
    rows = [n for n in u.observation.find_all("checkbox") if n.name.startswith("Select ")]
    assert len(rows) >= 2
    first, second = rows[0].name[len("Select "):], rows[1].name[len("Select "):]
    before = u.episode.read_state(u.page)["files"]
    _click(env, "checkbox", f"Select {first}")
    _type(env, "Name", second)
    obs, *_ = _click(env, "button", "Rename")
    assert "already exists" in obs
    assert u.episode.read_state(u.page)["files"]["files"] == before["files"]
    _type(env, "Name", "a/b.txt")
    obs, *_ = _click(env, "button", "Rename")
    assert u.episode.read_state(u.page)["files"]["files"] == before["files"]


def test_mail_refuses_bad_addresses_and_trash_is_not_kept(env):
    _reset(env, "mail_compose", 0)
    u = env.unwrapped
    _click(env, "button", "Mail")
    _click(env, "button", "Compose")
    _type(env, "To", "not an address")
    _type(env, "Subject", "x")
    obs, *_ = _click(env, "button", "Send")
    assert "valid addresses" in obs
    state = u.episode.read_state(u.page)["mail"]
    assert not [m for m in state["messages"] if m["folder"] == "Sent"]
    # Deleting twice (Inbox -> Trash -> gone) removes the message for good.
    _click(env, "button", "Discard")
    row = next(n for n in u.observation.find_all("button") if " · " in n.name and "<" in n.name)
    _act(env, {"name": "click", "arguments": {"id": row.id}})
    _click(env, "button", "Delete")
    _click(env, "button", "Trash")
    row = next(n for n in u.observation.find_all("button") if " · " in n.name and "<" in n.name)
    _act(env, {"name": "click", "arguments": {"id": row.id}})
    _click(env, "button", "Delete")
    after = u.episode.read_state(u.page)["mail"]["messages"]
    assert len(after) == len(state["messages"]) - 1


def test_leaving_the_desktop_is_incorrect_not_an_error(env):
    """A page that is no longer the desktop (history back, a crash of the shell) cannot be judged a success."""
    _reset(env, "editor_new_file", 0)
    u = env.unwrapped
    u.page.goto("about:blank")
    verdict = u.episode.evaluate(u.page)
    assert verdict.status == "incorrect" and "could not be read" in verdict.reason
