"""Calendar, spreadsheet and settings families of the desktop suite, through the real env.

For every family: the oracle solves several seeds from observations alone,
``done()`` at once never succeeds, a random policy almost never does, and
generation is deterministic per seed. Plus the apps' own guarantees that the
rewards rest on: unsaved settings do not count, a formula that computes the
answer counts like the typed number, formulas are parsed (never ``eval``-ed),
look-alike events must survive a delete.

One env (one Chromium) serves the whole module; each episode is a fresh page.
"""

from __future__ import annotations

import json
import time

import numpy as np
import pytest

from desktop_cases import env_fixture, require_browser, task_list  # noqa: E402

require_browser()

from rlvr.envs.computer_use.desktop.family import families  # noqa: E402

PREFIXES = ("calendar_", "sheet_", "settings_")
ORACLE_SEEDS = range(5)
SLOW_SEEDS = range(5, 20)
RANDOM_SEEDS = range(100, 101)
SLOW_RANDOM_SEEDS = range(200, 206)
ORACLE_TURNS = 40
RANDOM_TURNS = 15

FAMILIES, TASKS, INDEX = task_list(PREFIXES, [*ORACLE_SEEDS, *SLOW_SEEDS, *RANDOM_SEEDS, *SLOW_RANDOM_SEEDS])

env = env_fixture(TASKS, ORACLE_TURNS)


def _call(call: dict) -> str:
    return f"<tool_call>{json.dumps(call)}</tool_call>"


def _reset(env, family: str, seed: int):
    return env.reset(options={"task_index": INDEX[(family, seed)]})


def run_oracle(env, family: str, seed: int, *, skip=None) -> tuple[dict, int]:
    """Play the oracle to the end; ``skip(call, obs)`` may replace a call. Returns (verdict, turns)."""
    _reset(env, family, seed)
    for turn in range(1, ORACLE_TURNS + 1):
        call = env.unwrapped.oracle_action()
        assert call is not None, f"{family} seed {seed}: the oracle gave no action"
        if skip is not None:
            call = skip(call, env.unwrapped.observation)
        _, reward, terminated, truncated, info = env.step(_call(call))
        if terminated or truncated:
            return info["verdict"], turn
    raise AssertionError("the episode did not end within max_turns")


def random_call(obs, rng: np.random.Generator) -> dict:
    """A uniformly random tool call on the elements of ``obs``."""
    nodes = [n for n in obs.nodes if n.id is not None]
    boxes = [n for n in nodes if n.role == "textbox"]
    combos = [i for i, n in enumerate(obs.nodes) if n.role == "combobox" and n.id is not None]
    r = rng.random()
    if r < 0.05:
        return {"name": "done", "arguments": {}}
    if r < 0.15:
        return {"name": "press", "arguments": {"key": str(rng.choice(["Enter", "Tab", "Escape", "Backspace"]))}}
    if r < 0.35 and boxes:
        text = str(rng.choice(["0", "1", "42", "=SUM(B1:B12)", "Monday", "09:30", "2025-03-14", "Sam Lee",
                               "hello", ""]))
        return {"name": "type", "arguments": {"id": int(rng.choice(boxes).id), "text": text}}
    if r < 0.5 and combos:
        i = int(rng.choice(combos))
        opts = []
        for n in obs.nodes[i + 1:]:
            if n.role != "option":
                break
            opts.append(n.name)
        if opts:
            return {"name": "select", "arguments": {"id": obs.nodes[i].id, "option": str(rng.choice(opts))}}
    return {"name": "click", "arguments": {"id": int(rng.choice(nodes).id)}}


def run_random(env, family: str, seed: int) -> dict:
    _reset(env, family, seed)
    rng = np.random.default_rng([seed, 7])
    for _ in range(RANDOM_TURNS):
        _, _, terminated, truncated, info = env.step(_call(random_call(env.unwrapped.observation, rng)))
        if terminated or truncated:
            return info["verdict"]
    _, _, _, _, info = env.step(_call({"name": "done", "arguments": {}}))
    return info["verdict"]


# ---- every family ------------------------------------------------------------------------

def test_enough_families():
    apps = {f.split("_")[0] for f in FAMILIES}
    assert apps == {"calendar", "sheet", "settings"}
    assert len(FAMILIES) >= 14, FAMILIES


@pytest.mark.parametrize("seed", ORACLE_SEEDS)
@pytest.mark.parametrize("family", FAMILIES)
def test_oracle_solves(env, family, seed):
    verdict, turns = run_oracle(env, family, seed)
    assert verdict["status"] == "correct", (family, seed, verdict)
    assert verdict["details"]["ended_by"] == "done"


@pytest.mark.slow
@pytest.mark.parametrize("family", FAMILIES)
def test_oracle_solves_many_seeds(env, family):
    failures = [(s, v) for s in SLOW_SEEDS if (v := run_oracle(env, family, s)[0])["status"] != "correct"]
    assert not failures, failures


@pytest.mark.parametrize("family", FAMILIES)
def test_done_at_once_never_succeeds(env, family):
    for seed in range(3):
        _reset(env, family, seed)
        _, reward, terminated, _, info = env.step(_call({"name": "done", "arguments": {}}))
        assert terminated and reward == 0.0, (family, seed, info["verdict"])
        assert info["verdict"]["status"] == "incorrect"


@pytest.mark.parametrize("family", FAMILIES)
def test_generation_is_deterministic(family):
    fam = families()[family]
    for seed in range(20):
        a, b = fam.generate(np.random.default_rng([seed])), fam.generate(np.random.default_rng([seed]))
        assert a == b
    tasks = [fam.generate(np.random.default_rng([s])) for s in range(20)]
    assert len({t.instruction for t in tasks}) >= 5, f"{family}: seeds give too few distinct instructions"
    assert len({json.dumps([t.instruction, t.initial_state], sort_keys=True) for t in tasks}) >= 19, family


@pytest.mark.parametrize("family", FAMILIES)
def test_random_policy_fails(env, family):
    for seed in RANDOM_SEEDS:
        verdict = run_random(env, family, seed)
        assert verdict["status"] == "incorrect", (family, seed, verdict)


@pytest.mark.slow
def test_random_policy_rate(env):
    runs = [(f, s) for f in FAMILIES for s in SLOW_RANDOM_SEEDS]
    t0 = time.perf_counter()
    wins = [r for r in runs if run_random(env, *r)["status"] == "correct"]
    print(f"random policy: {len(wins)}/{len(runs)} in {time.perf_counter() - t0:.0f}s")
    assert len(wins) / len(runs) <= 0.02, wins


# ---- what the rewards rest on ------------------------------------------------------------

def _skip_named(name: str):
    """A policy wrapper that replaces clicking the button ``name`` with done()."""
    def skip(call, obs):
        if call["name"] == "click":
            node = obs.by_id(call["arguments"]["id"])
            if node is not None and node.name == name:
                return {"name": "done", "arguments": {}}
        return call
    return skip


@pytest.mark.parametrize("family", [f for f in FAMILIES if f.startswith("settings_") and f != "settings_registration"])
def test_unsaved_settings_do_not_count(env, family):
    verdict, _ = run_oracle(env, family, 0, skip=_skip_named("Save changes"))
    assert verdict["status"] == "incorrect", verdict
    assert "saved" in verdict["details"]["reason"]


def test_unsubmitted_registration_does_not_count(env):
    verdict, _ = run_oracle(env, "settings_registration", 1, skip=_skip_named("Submit"))
    assert verdict["status"] == "incorrect"


def test_calendar_editor_unsaved_does_not_count(env):
    verdict, _ = run_oracle(env, "calendar_reschedule", 2, skip=_skip_named("Save"))
    assert verdict["status"] == "incorrect"


def _cell(env, address):
    return env.unwrapped.observation.find("textbox", address)


def _steps(env, calls):
    info = {}
    for call in calls:
        _, _, terminated, _, info = env.step(_call(call))
        if terminated:
            break
    return info


def _open(env, title):
    node = env.unwrapped.observation.find("button", title)
    _steps(env, [{"name": "click", "arguments": {"id": node.id}}])


def test_formula_answer_counts_like_the_number(env):
    task_seed = 0
    _reset(env, "sheet_column_total", task_seed)
    params = env.unwrapped.episode.task.params
    _open(env, "Spreadsheet")
    target = _cell(env, params["target"])
    col = params["column"]
    info = _steps(env, [{"name": "type", "arguments": {"id": target.id, "text": f"=SUM({col}1:{col}12)"}},
                        {"name": "done", "arguments": {}}])
    assert info["verdict"]["status"] == "correct", info["verdict"]


def test_wrong_number_and_collateral_edits_fail(env):
    _reset(env, "sheet_cell_arithmetic", 1)
    params = env.unwrapped.episode.task.params
    _open(env, "Spreadsheet")
    while (call := env.unwrapped.oracle_action())["name"] != "done":
        _steps(env, [call])
    # The right answer is in place; now also scribble over a source cell.
    a1 = _cell(env, "A1")
    info = _steps(env, [{"name": "type", "arguments": {"id": a1.id, "text": "oops"}},
                        {"name": "done", "arguments": {}}])
    assert info["verdict"]["status"] == "incorrect" and "A1" in info["verdict"]["details"]["reason"]
    _reset(env, "sheet_cell_arithmetic", 1)
    _open(env, "Spreadsheet")
    target = _cell(env, params["target"])
    info = _steps(env, [{"name": "type", "arguments": {"id": target.id, "text": "123456"}},
                        {"name": "done", "arguments": {}}])
    assert info["verdict"]["status"] == "incorrect"


FORMULAS = [
    ("=2+3*4", "14"), ("=(2+3)*4", "20"), ("=10/4", "2.5"), ("=1/0", "#DIV/0!"), ("=-3+1", "-2"),
    ("=SUM(1,2,3)", "6"), ("=AVERAGE(2,4)", "3"), ("=MAX(1,9,3)", "9"), ("=F12", "0"),
    ("=E1", "#CYCLE!"), ("=constructor", "#REF!"), ("=alert(1)", "#NAME?"), ("=this.x", "#ERROR!"),
    ("=1+", "#ERROR!"), ("=A1", "Item"), ("=A1*2", "#VALUE!"), ("=SUM(A1:C3)", None),
]


def test_formulas_are_parsed_not_evaluated(env):
    """Formulas go through the app's own parser: arithmetic, functions, errors; JS names are not code."""
    _reset(env, "sheet_column_total", 0)
    _open(env, "Spreadsheet")
    _steps(env, [{"name": "type", "arguments": {"id": _cell(env, "A1").id, "text": "Item"}}])
    wrong = []
    for formula, shown in FORMULAS:
        _steps(env, [{"name": "type", "arguments": {"id": _cell(env, "E1").id, "text": formula}},
                     {"name": "click", "arguments": {"id": _cell(env, "D1").id}}])   # leave E1: it shows its value
        state = env.unwrapped.episode.read_state(env.unwrapped.page)
        if shown is None:  # a range sum skips text: the numbers of B2:C3
            values = state["spreadsheet"]["values"]
            shown = str(int(sum(v for a in ("B2", "B3", "C2", "C3")
                                if isinstance(v := values.get(a), (int, float)))))
        if _cell(env, "E1").value != shown or state["spreadsheet"]["cells"]["E1"] != formula:
            wrong.append((formula, shown, _cell(env, "E1").value))
    assert not wrong, wrong


def test_delete_keeps_look_alike_events(env):
    """Deleting a look-alike ('<title> prep' etc.) along with the targets fails."""
    _reset(env, "calendar_delete_events", 0)
    title = env.unwrapped.episode.task.params["title"]
    while (call := env.unwrapped.oracle_action())["name"] != "done":
        _steps(env, [call])
    obs = env.unwrapped.observation
    decoy = next(n for n in obs.find_all("button", contains=title) if not n.name.startswith(f"{title} · "))
    _steps(env, [{"name": "click", "arguments": {"id": decoy.id}}])
    delete = env.unwrapped.observation.find("button", "Delete")
    info = _steps(env, [{"name": "click", "arguments": {"id": delete.id}}, {"name": "done", "arguments": {}}])
    assert info["verdict"]["status"] == "incorrect"
