"""ComputerUseEnv: the tool calls, the episode end, spaces, seeding and bad input (test-only tiny suite)."""

from __future__ import annotations

import os
import sys
import warnings

import gymnasium as gym
import numpy as np
import pytest

pytest.importorskip("playwright.sync_api", reason="rlvr[computer-use] (playwright) is not installed")

sys.path.insert(0, os.path.dirname(__file__))
from cu_pages import TinySuite, call  # noqa: E402

from rlvr.core.errors import ConfigError  # noqa: E402
from rlvr.envs.computer_use.browser import find_chromium  # noqa: E402
from rlvr.envs.computer_use.env import ComputerUseEnv  # noqa: E402

if find_chromium() is None and not os.environ.get("CI"):
    pytest.skip("no Chromium on PATH (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def env():
    e = ComputerUseEnv(suite=TinySuite(), obs_mode="text", max_turns=10)
    yield e
    e.close()


def reset_to(env: ComputerUseEnv, task: str, seed: int = 0) -> str:
    env.unwrapped.source = _Fixed(task, seed)
    obs, _ = env.reset(seed=seed)
    return obs


class _Fixed:
    def __init__(self, task: str, seed: int) -> None:
        self.item = {"task": task, "seed": seed, "id": task}

    def __len__(self) -> int:
        return 1

    def __getitem__(self, index: int) -> dict:
        return self.item


def ids(env: ComputerUseEnv) -> dict[str, int]:
    return {n.name: n.id for n in env.observation.nodes if n.id is not None}


# ---------------------------------------------------------------- episodes
def test_click_then_done_succeeds_and_reward_reads_page_state(env):
    obs = reset_to(env, "button")
    assert f"Task: Press the {env.episode.word} button once." in obs
    obs, reward, terminated, truncated, info = env.step(call("click", id=ids(env)[env.episode.word]))
    assert (reward, terminated, truncated) == (0.0, False, False)
    assert f"clicked [{ids(env)[env.episode.word]}]" in obs and "Task:" in obs
    obs, reward, terminated, truncated, info = env.step(call("done"))
    assert (reward, terminated, truncated) == (1.0, True, False) and obs == ""
    assert info["verdict"]["status"] == "correct" and info["verdict"]["details"]["ended_by"] == "done"


def test_doing_nothing_or_the_wrong_thing_fails(env):
    reset_to(env, "button")
    _, reward, terminated, _, info = env.step(call("done"))
    assert terminated and reward == 0.0 and info["verdict"]["status"] == "incorrect"
    reset_to(env, "button")
    env.step(call("click", id=ids(env)[env.episode.word]))
    env.step(call("click", id=ids(env)[env.episode.word]))   # twice is not "once"
    _, reward, _, _, _ = env.step(call("done"))
    assert reward == 0.0


def test_max_turns_truncates_and_judges_the_state(env):
    reset_to(env, "button")
    target = ids(env)[env.episode.word]
    env.step(call("click", id=target))
    while env.turn < env.max_turns - 1:
        _, reward, terminated, truncated, info = env.step(call("press", key="Shift"))
        assert not terminated and not truncated
    _, reward, terminated, truncated, info = env.step(call("press", key="Shift"))
    assert truncated and not terminated and reward == 1.0
    assert info["verdict"]["details"]["ended_by"] == "max_turns"


def test_type_select_check_and_save(env):
    reset_to(env, "form")
    word = env.episode.word
    n = ids(env)
    obs, *_ = env.step(call("type", id=n["Full name"], text=word))
    assert env.observation.find("textbox", "Full name").value == word   # replaced, not appended
    env.step(call("select", id=n["Colour"], option="Green"))
    assert env.observation.find("combobox", "Colour").value == "Green"
    env.step(call("click", id=n["I agree"]))
    assert env.observation.find("checkbox", "I agree").checked is True
    env.step(call("type", id=n["Notes"], text="fresh"))
    assert env.observation.find("textbox", "Notes").value == "fresh"
    env.step(call("type", id=n["About you"], text=""))
    assert env.observation.find("textbox", "About you").value == ""
    env.step(call("click", id=n["Save"]))
    _, reward, terminated, _, info = env.step(call("done"))
    assert reward == 1.0, info["verdict"]


def test_select_by_value_and_bad_option(env):
    reset_to(env, "form")
    n = ids(env)
    obs, *_ = env.step(call("select", id=n["Colour"], option="g"))
    assert env.observation.find("combobox", "Colour").value == "Green"
    obs, *_ = env.step(call("select", id=n["Colour"], option="Purple"))
    assert "Error" in obs and "options: Red, Green, Blue" in obs
    obs, *_ = env.step(call("select", id=n["Full name"], option="Red"))
    assert "not a drop-down list" in obs


def test_several_calls_in_one_reply_run_in_order(env):
    reset_to(env, "form")
    n = ids(env)
    text = (f"I will fill the form. {call('type', id=n['Full name'], text=env.episode.word)} "
            f"{call('select', id=n['Colour'], option='Green')}{call('click', id=n['I agree'])}"
            f"{call('click', id=n['Save'])}{call('done')}")
    _, reward, terminated, _, info = env.step(text)
    assert terminated and reward == 1.0 and env.turn == 1


def test_failed_call_stops_the_rest(env):
    reset_to(env, "form")
    n = ids(env)
    obs, *_ = env.step(call("click", id=999) + call("click", id=n["I agree"]))
    assert "no element with id 999" in obs and "1 call(s) were not run" in obs
    assert env.observation.find("checkbox", "I agree").checked is False


def test_scroll_and_click_xy(env):
    reset_to(env, "scroll")
    obs, *_ = env.step(call("scroll", target="page", direction="down"))
    assert "scrolled the page down" in obs
    assert env.page.evaluate("() => window.scrollY") > 0
    obs, *_ = env.step(call("scroll", target="page", direction="up"))
    obs, *_ = env.step(call("scroll", target="page", direction="up"))
    assert "already at the top" in obs
    box = env.observation.find("list")
    obs, *_ = env.step(call("scroll", target=box.id, direction="down"))
    assert f"scrolled [{box.id}] down" in obs
    assert env.page.evaluate("() => document.getElementById('box').scrollTop") > 0
    # click a far-away button: the click scrolls it into view itself
    env.step(call("click", id=ids(env)["Bottom button"]))
    _, reward, *_ = env.step(call("done"))
    assert reward == 1.0
    reset_to(env, "button")
    rect = env.page.evaluate("() => { const r = [...document.querySelectorAll('button')][0]"
                             ".getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }")
    obs, *_ = env.step(call("click_xy", x=rect[0], y=rect[1]))
    assert "clicked at" in obs
    obs, *_ = env.step(call("click_xy", x=5000, y=1))
    assert "outside the 400x300 viewport" in obs
    _, reward, *_ = env.step(call("done"))
    assert reward == 1.0


@pytest.mark.parametrize("action, expected", [
    ("I think I am finished.", "no tool call found"),
    ("<tool_call>{not json}</tool_call>", "not valid JSON"),
    ("<tool_call>{\"name\": \"click\"", "never closed"),
    (call("fly", to="moon"), "unknown tool 'fly'"),
    (call("click"), "missing required argument(s): id"),
    (call("click", id="abc"), "must be of type integer"),
    (call("click", id=12345), "no element with id 12345"),
    (call("click", id=1, extra=True), "unknown argument(s): extra"),
    (call("type", id=1, text="x" * 20_000), "at most 10000"),
    (call("press", key="NoSuchKey"), "press failed"),
    (call("scroll", target="sideways", direction="down"), "scroll target"),
    (call("scroll", target="page", direction="left"), "must be one of"),
    (call("type", id=2, text="hi"), "not a text field"),
], ids=lambda v: v[:30] if isinstance(v, str) else None)
def test_bad_calls_get_an_observation_and_cost_a_turn(env, action, expected):
    reset_to(env, "button")
    turn = env.turn
    obs, reward, terminated, truncated, info = env.step(action)
    assert expected in obs and "Task:" in obs
    assert (reward, terminated, truncated) == (0.0, False, False) and env.turn == turn + 1


def test_covered_and_disabled_elements_are_reported(env):
    reset_to(env, "button")
    env.page.evaluate("() => { const c = document.getElementById('cover'); c.style.width = '100%';"
                      " c.style.height = '100%'; }")
    env.step(call("press", key="Shift"))                  # the page is read again, with the cover
    obs, *_ = env.step(call("click", id=ids(env)["Covered"]))
    assert "covered by div#cover" in obs
    assert not env.page.evaluate("() => !!window.coveredClicked")
    # covered after the page was read: the mouse presses where the button was shown, lands on the
    # cover, and the result says so
    env.page.evaluate("() => { const c = document.getElementById('cover'); c.style.width = '0';"
                      " c.style.height = '0'; }")
    env.step(call("press", key="Shift"))
    env.page.evaluate("() => { const c = document.getElementById('cover'); c.style.width = '100%';"
                      " c.style.height = '100%'; }")
    obs, *_ = env.step(call("click", id=ids(env)["Covered"]))
    assert "the page had changed since it was read: the click landed on an element without an id" in obs
    assert not env.page.evaluate("() => !!window.coveredClicked")
    env.page.evaluate("() => { document.getElementById('cover').remove();"
                      " document.getElementById('covered').disabled = true; }")
    obs, *_ = env.step(call("press", key="Shift"))
    assert env.observation.find("button", "Covered").disabled
    obs, *_ = env.step(call("click", id=ids(env)["Covered"]))
    assert "it is disabled" in obs


def test_ids_as_numeric_strings_are_accepted(env):
    reset_to(env, "button")
    obs, *_ = env.step(call("click", id=str(ids(env)[env.episode.word])))
    assert "clicked" in obs and "Error" not in obs


def test_garbage_actions_never_raise(env):
    reset_to(env, "button")
    for action in [np.array([1, 2, 3, 10**9, -5]), b"\xff\xfe", "", "x" * 1_000_000, [[1, 2]], None, 3.5]:
        obs, reward, terminated, truncated, info = env.step(action)
        assert reward == 0.0 and not terminated
        if env.turn >= 8:
            reset_to(env, "button")


def test_oracle_action_comes_from_the_episode(env):
    reset_to(env, "button")
    first = env.unwrapped.oracle_action()
    assert first == {"name": "click", "arguments": {"id": ids(env)[env.episode.word]}}
    env.step(call(first["name"], **first["arguments"]))
    assert env.unwrapped.oracle_action()["name"] == "done"
    env.step(call("done"))
    assert env.unwrapped.oracle_action() is None       # between episodes


def test_hidden_answers_stay_out_of_messages(env):
    reset_to(env, "button")
    env.step(call("done"))
    text = " ".join(m["content"] for m in env.messages)
    assert "window.pressed" not in text and "evaluate" not in text


# ----------------------------------------------------------- spaces, seeds
def test_tokens_mode_with_screenshot_dict_space():
    e = ComputerUseEnv(suite=TinySuite(), task="button", screenshot=True, viewport=(320, 240))
    try:
        assert isinstance(e.observation_space, gym.spaces.Dict)
        obs, _ = e.reset(seed=0)
        assert set(obs) == {"tokens", "screenshot"}
        assert obs["tokens"].dtype == np.int64 and obs["screenshot"].shape == (240, 320, 3)
        assert obs["screenshot"].dtype == np.uint8 and obs["screenshot"].std() > 0    # a real picture
        assert e.observation_space.contains(obs)
        before = obs["screenshot"]
        node = e.observation.find("button", "Add")
        obs, *_ = e.step(call("click", id=node.id))
        assert e.observation_space.contains(obs) and not np.array_equal(before, obs["screenshot"])
        obs, reward, terminated, *_ = e.step(call("done"))
        assert terminated and e.observation_space.contains(obs) and obs["tokens"].size == 0
    finally:
        e.close()


@pytest.mark.slow
@pytest.mark.parametrize("obs_mode, screenshot", [("text", True), ("tokens", False)])
def test_check_env_without_warnings(obs_mode, screenshot):
    from gymnasium.utils.env_checker import check_env

    import rlvr  # noqa: F401  (registers the ids)

    e = gym.make("rlvr/ComputerUse-v0", suite=TinySuite(), task="button", obs_mode=obs_mode,
                 screenshot=screenshot).unwrapped
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            check_env(e)
    finally:
        e.close()


def test_reset_is_deterministic_and_seeds_differ(env):
    env.unwrapped.source = ComputerUseEnv.load_source(env, None, None)
    texts = [env.reset(seed=s)[0] for s in (3, 3, 4, 5, 6)]
    assert texts[0] == texts[1]
    assert len(set(texts[1:])) > 1


def test_user_tasks_and_config_errors():
    e = ComputerUseEnv(suite=TinySuite(), obs_mode="text", tasks=[{"task": "form", "seed": 1}])
    try:
        obs, info = e.reset(seed=0)
        assert "Set the name to" in obs and info["task_id"] == "0"
    finally:
        e.close()
    with pytest.raises(ConfigError, match="not a task of the 'tiny' suite"):
        ComputerUseEnv(suite=TinySuite(), tasks=[{"task": "nope", "seed": 1}])
    with pytest.raises(ConfigError, match="no 'seed' key"):
        ComputerUseEnv(suite=TinySuite(), tasks=[{"task": "form"}])
    with pytest.raises(ConfigError, match="unknown"):
        ComputerUseEnv(suite=TinySuite(), task="nope")
    with pytest.raises(ConfigError, match="suite must be one of"):
        ComputerUseEnv(suite="nope")
    with pytest.raises(ConfigError, match="viewport"):
        ComputerUseEnv(suite=TinySuite(), viewport=(10, 10))
    with pytest.raises(ConfigError, match="source"):
        ComputerUseEnv(suite=TinySuite(), source="huggingface")


@pytest.mark.slow
def test_gym_make_and_async_vector_env():
    envs = gym.make_vec("rlvr/ComputerUse-v0", num_envs=2, vectorization_mode="async", suite="miniwob",
                        task="click-button", obs_mode="text")
    try:
        obs, _ = envs.reset(seed=0)
        assert obs[0] != obs[1] and "Click on the" in obs[0]
        obs, reward, terminated, truncated, info = envs.step(["no call", call("done")])
        assert reward.tolist() == [0.0, 0.0] and terminated.tolist() == [False, True]
    finally:
        envs.close()


def test_dom_input_mode_clicks_like_a_mouse_in_one_round_trip():
    e = ComputerUseEnv(suite=TinySuite(), obs_mode="text", input_mode="dom", isolation="document")
    try:
        reset_to(e, "button")
        n = ids(e)
        obs, *_ = e.step(call("click", id=n["Add"]))
        assert "New 1" in obs                                     # the tree came back with the click
        e.step(call("click", id=n[e.episode.word]))
        _, reward, *_ = e.step(call("done"))
        assert reward == 1.0
        reset_to(e, "form")
        n = ids(e)
        e.step(call("click", id=n["I agree"]))                    # default action: the checkbox toggles
        assert e.observation.find("checkbox", "I agree").checked is True
        e.step(call("click", id=n["Full name"]))                  # mousedown focuses the field
        assert e.observation.find("textbox", "Full name").focused
        e.step(call("click", id=n["Clickable span"]))
        assert e.page.evaluate("() => window.spanClicks") == 1
        reset_to(e, "button")
        e.page.evaluate("() => { const c = document.getElementById('cover'); c.style.width = '100%';"
                        " c.style.height = '100%'; }")
        obs, *_ = e.step(call("click", id=ids(e)["Covered"]))
        assert "covered by div#cover" in obs and not e.page.evaluate("() => !!window.coveredClicked")
    finally:
        e.close()
    with pytest.raises(ConfigError, match="input_mode"):
        ComputerUseEnv(suite=TinySuite(), input_mode="telepathy")


def _count_browser_calls(page) -> dict[str, int]:
    """Wrap ``page.evaluate`` and ``page.mouse.click`` of this page object to count the round trips."""
    counts = {"evaluate": 0, "mouse": 0}
    evaluate, click = page.evaluate, page.mouse.click

    def counted_evaluate(*args, **kwargs):
        counts["evaluate"] += 1
        return evaluate(*args, **kwargs)

    def counted_click(*args, **kwargs):
        counts["mouse"] += 1
        return click(*args, **kwargs)

    page.evaluate, page.mouse.click = counted_evaluate, counted_click
    return counts


def test_real_click_on_a_shown_element_presses_where_the_walk_found_it():
    e = ComputerUseEnv(suite=TinySuite(), obs_mode="text", max_turns=10)
    try:
        reset_to(e, "button")
        counts = _count_browser_calls(e.page)
        obs, *_ = e.step(call("click", id=ids(e)["Add"]))
        assert "clicked [" in obs and "New 1" in obs
        assert counts == {"evaluate": 1, "mouse": 1}     # the press, then the walk: no hit test first
        obs, *_ = e.step(call("click", id=ids(e)["New 1"]))
        assert "clicked [" in obs and counts == {"evaluate": 2, "mouse": 2}
        # several calls in one reply: each click uses the walk of the one before
        word = e.episode.word
        obs, *_ = e.step(call("click", id=ids(e)[word]) + call("click", id=ids(e)[word]))
        assert e.page.evaluate("() => window.pressed") == 2 and counts["mouse"] == 4
        # below the fold: no point from the walk, so the click hit-tests and scrolls first
        reset_to(e, "scroll")
        counts = _count_browser_calls(e.page)
        obs, *_ = e.step(call("click", id=ids(e)["Bottom button"]))
        assert "clicked [" in obs and e.page.evaluate("() => window.bottom") is True
        assert counts["mouse"] == 1 and counts["evaluate"] == 3   # hit test, walk, the check above
    finally:
        e.close()


def test_real_click_on_an_animated_page_hit_tests_first():
    e = ComputerUseEnv(suite=TinySuite(), obs_mode="text", max_turns=10)
    try:
        reset_to(e, "button")
        e.page.evaluate("() => { document.body.animate([{paddingTop: '0px'}, {paddingTop: '40px'}],"
                        " {duration: 60000}); }")
        e.step(call("press", key="Shift"))              # read again: the page now moves
        counts = _count_browser_calls(e.page)
        obs, *_ = e.step(call("click", id=ids(e)[e.episode.word]))
        assert "clicked [" in obs and e.page.evaluate("() => window.pressed") == 1
        assert counts["evaluate"] == 3                   # hit test, walk, the check above
    finally:
        e.close()
