"""SWE-v0 on bubblewrap: workspace, tools, grading on submit and at max_turns, nothing hidden leaks."""

from __future__ import annotations

import json

import gymnasium as gym
import numpy as np
import pytest

from rlvr.core.errors import ConfigError
from rlvr.envs.swe.env import SweEnv
from rlvr.envs.swe.patches import apply_patch, patched_paths
from rlvr.envs.swe.testing import (
    changed_by_gold, git_apply_command, gold_files_command, hand_written_task, tasks_by_shape, tool_call)
from rlvr.envs.swe.tools import MAX_OUTPUT_CHARS, truncate
from rlvr.verifiers.sandbox.testing import backend_or_skip

TASK = hand_written_task()


@pytest.fixture(scope="module")
def env():
    backend_or_skip("bwrap")
    env = SweEnv(tasks=[TASK.to_dict()], obs_mode="text", sandbox="bwrap")
    yield env
    env.close()


def step(env, text):
    """env.step, with the observation replaced by the env's reply message (text of the last turn)."""
    obs, reward, terminated, truncated, info = env.step(text)
    if not (terminated or truncated):
        assert obs.endswith("<|im_start|>assistant\n") and info["messages"][-1]["content"] in obs
        obs = info["messages"][-1]["content"]
    return obs, reward, terminated, truncated, info


def bash(env, command, **kw):
    return step(env, tool_call("bash", command=command, **kw))[0]


def hidden_strings(task):
    """Every hidden string: hidden file paths, test names and contents."""
    out = list(task.hidden_files)
    for text in task.hidden_files.values():
        out += [line.strip() for line in text.splitlines() if line.strip().startswith("def test_")]
    return out


def test_reset_shows_the_issue_and_only_the_buggy_tree(env):
    obs, info = env.reset(seed=0)
    assert env.unwrapped.task is not None and env.unwrapped.task.id == TASK.id
    assert "exactly 10 items" in obs and "submit" in obs and '"name": "bash"' in obs
    listing = bash(env, "find . -path ./.git -prune -o -type f -print | sort")
    assert sorted(line[2:] for line in listing.splitlines() if line.startswith("./")) == sorted(TASK.files)
    log = bash(env, "git log --all --oneline | wc -l; git log --all -p | grep -c 'quantity >= BULK' ; "
                    "git status --porcelain | wc -l")
    assert log.split()[:3] == ["1", "0", "0"], log
    for secret in hidden_strings(TASK):
        assert secret not in obs and secret not in repr(info)


def test_gold_patch_through_bash_scores_1_and_untouched_scores_0(env):
    env.reset(seed=0)
    obs, reward, terminated, truncated, info = step(env, tool_call("submit"))
    assert (reward, terminated, truncated) == (0.0, True, False)
    verdict = info["verdict"]
    assert verdict["status"] == "incorrect" and verdict["details"]["fail_to_pass_failed"] == 1
    assert verdict["details"]["pass_to_pass_failed"] == 0
    for secret in hidden_strings(TASK):
        assert secret not in repr(info)
    for command in (gold_files_command(TASK), git_apply_command(TASK)):
        env.reset(seed=0)
        out = bash(env, command)
        assert "[exit code: 0]" in out, out
        assert "passed" in bash(env, "pytest -q tests")
        _, reward, terminated, _, info = step(env, tool_call("submit"))
        assert reward == 1.0 and terminated and info["verdict"]["status"] == "correct", info["verdict"]


def test_tools_answer_with_observations(env):
    env.reset(seed=0)
    viewed = step(env, tool_call("view", path="shop/cart.py", view_range=[1, 3]))[0]
    assert '1\t"""A shopping cart with bulk discounts."""' in viewed and "lines 1-3" in viewed
    assert "shop/money.py" in step(env, tool_call("view", path="/work"))[0]
    assert "does not exist" in step(env, tool_call("view", path="nope.py"))[0]
    assert "outside the repository" in step(env, tool_call("view", path="/etc/passwd"))[0]
    assert "must not contain '..'" in step(env, tool_call("view", path="../etc/passwd"))[0]
    assert "invalid" in step(env, tool_call("view", path="shop/cart.py", view_range=[50, 2]))[0]
    assert "not found" in step(env, tool_call("str_replace", path="shop/cart.py", old_str="zzz", new_str="y"))[0]
    assert "occurs" in step(env, tool_call("str_replace", path="shop/cart.py", old_str="total", new_str="t"))[0]
    edited = step(env, tool_call("str_replace", path="shop/cart.py", old_str="quantity > BULK_THRESHOLD",
                                 new_str="quantity >= BULK_THRESHOLD"))[0]
    assert "Edited shop/cart.py" in edited and "quantity >= BULK_THRESHOLD" in edited
    assert "Created notes/todo.txt" in step(env, tool_call("create", path="notes/todo.txt", file_text="a\nb\n"))[0]
    assert bash(env, "cat notes/todo.txt").startswith("a\nb")
    found = step(env, tool_call("search", pattern="def (to|format)_cents", include="*.py"))[0]
    assert "2 matching lines" in found and "shop/money.py:4:" in found
    assert "No matches" in step(env, tool_call("search", pattern="zzz_nothing"))[0]
    assert "[exit code: 3]" in bash(env, "echo oops >&2; exit 3") and "oops" in bash(env, "echo oops >&2")
    assert "killed" in bash(env, "sleep 5", timeout=1)
    long = bash(env, "python3 -c \"print('x' * 50000)\"")
    assert "output truncated" in long and len(long) < MAX_OUTPUT_CHARS + 500
    assert "missing required" in step(env, tool_call("bash"))[0]
    assert "at most 100000 bytes" in bash(env, "echo " + "x" * 200_000)
    assert "unknown tool" in step(env, tool_call("rm_rf", path="/"))[0]
    assert "not valid JSON" in step(env, "<tool_call>{nope</tool_call>")[0]
    assert "never closed" in step(env, "<tool_call>{\"name\": \"bash\"")[0]
    assert "No tool call" in step(env, "I think the bug is in cart.py")[0]
    both = step(env, tool_call("bash", command="echo one") + "text" + tool_call("bash", command="echo two"))[0]
    assert "[result 1]" in both and "one" in both and "two" in both
    _, reward, *_ = step(env, tool_call("submit"))
    assert reward == 1.0  # the str_replace above fixed it


def test_max_turns_grades_the_workspace_as_it_is():
    backend_or_skip("bwrap")
    env = SweEnv(tasks=[TASK.to_dict()], obs_mode="text", sandbox="bwrap", max_turns=2)
    try:
        env.reset(seed=0)
        step(env, tool_call("str_replace", path="shop/cart.py", old_str="quantity > BULK_THRESHOLD",
                            new_str="quantity >= BULK_THRESHOLD"))
        _, reward, terminated, truncated, info = step(env, tool_call("bash", command="ls"))
        assert (reward, terminated, truncated) == (1.0, False, True)
        assert info["verdict"]["details"]["truncated"] is True
        env.reset(seed=0)
        step(env, "thinking")
        _, reward, _, truncated, info = step(env, "still thinking")
        assert truncated and reward == 0.0 and info["verdict"]["details"]["fail_to_pass_failed"] == 1
    finally:
        env.close()


def test_tokens_mode_via_gym_make():
    backend_or_skip("bwrap")
    env = gym.make("rlvr/SWE-v0", tasks=[TASK.to_dict()], sandbox="bwrap") if "rlvr/SWE-v0" in gym.registry \
        else SweEnv(tasks=[TASK.to_dict()], sandbox="bwrap")
    try:
        obs, info = env.reset(seed=3)
        assert obs.dtype == np.int64 and obs.ndim == 1
        obs, reward, terminated, truncated, info = env.step(tool_call("bash", command="echo hi"))
        assert obs.dtype == np.int64 and len(obs) > 0 and reward == 0.0
        assert info["messages"][-1]["role"] == "tool" and "hi" in info["messages"][-1]["content"]
        assert env.unwrapped.task.gold_patch and env.unwrapped.task.fail_to_pass
    finally:
        env.close()


def test_configuration_errors():
    backend_or_skip("bwrap")
    with pytest.raises(ConfigError, match="isolating"):
        SweEnv(tasks=[TASK.to_dict()], sandbox="process")
    with pytest.raises(ConfigError, match="source must be"):
        SweEnv(source="nowhere")
    with pytest.raises(ConfigError, match="dataset"):
        SweEnv(source="swebench")
    with pytest.raises(ConfigError, match="tasks\\[0\\]"):
        SweEnv(tasks=[{"id": "x"}])


def test_patch_helpers_roundtrip():
    clean = apply_patch(TASK.files, TASK.gold_patch)
    assert "quantity >= BULK_THRESHOLD" in clean["shop/cart.py"]
    assert patched_paths(TASK.gold_patch) == ["shop/cart.py"]
    assert changed_by_gold(TASK) == {"shop/cart.py": clean["shop/cart.py"]}
    with pytest.raises(ConfigError):
        apply_patch(clean, TASK.gold_patch)  # the context no longer matches
    new_file = "--- /dev/null\n+++ b/pkg/new.py\n@@ -0,0 +1,2 @@\n+a = 1\n+b = 2\n"
    assert apply_patch({}, new_file) == {"pkg/new.py": "a = 1\nb = 2\n"}
    assert truncate("x" * 30, 10).count("truncated") == 1


@pytest.mark.slow
def test_bundled_tasks_gold_scores_1_untouched_0():
    """One bundled task of each shape (single, 2- and 3-module mutations, implement), from different repos."""
    tasks = tasks_by_shape()
    assert tasks, "rlvr/envs/swe/tasks/bundled.jsonl ships with the package; regenerate it with `rlvr swe build-tasks`"
    backend_or_skip("bwrap")
    env = SweEnv(obs_mode="text", sandbox="bwrap")
    try:
        ids = [t.id for t in (env.unwrapped.source[i] for i in range(len(env.unwrapped.source)))]
        for task in tasks:
            index = ids.index(task.id)
            env.reset(options={"task_index": index})
            _, reward, *_ = env.step(tool_call("submit"))
            assert reward == 0.0, task.id
            env.reset(options={"task_index": index})
            assert "[exit code: 0]" in env.step(tool_call("bash", command=gold_files_command(task)))[0]
            _, reward, _, _, info = env.step(tool_call("submit"))
            assert reward == 1.0, (task.id, info["verdict"])
    finally:
        env.close()


def test_jsonl_source_is_lazy_and_filters_by_repo(tmp_path):
    from rlvr.envs.swe.env import JsonlSource

    other = {**TASK.to_dict(), "id": "other-0", "repo": "other"}
    path = tmp_path / "tasks.jsonl"
    path.write_text(json.dumps(TASK.to_dict()) + "\n\n" + json.dumps(other) + "\n")
    source = JsonlSource(str(path))
    assert len(source) == 2 and source._cache == {}
    assert source[1].id == "other-0" and set(source._cache) == {1}
    assert [JsonlSource(str(path), ["other"])[0].id] == ["other-0"]
    with pytest.raises(ConfigError, match="known repos"):
        JsonlSource(str(path), ["nope"])
    with pytest.raises(ConfigError, match="does not exist"):
        JsonlSource(str(tmp_path / "missing.jsonl"))
    backend_or_skip("bwrap")
    env = SweEnv(tasks=[TASK.to_dict(), other], repos="other", sandbox="bwrap")
    assert len(env.unwrapped.source) == 1 and env.unwrapped.source[0].repo == "other"
    env.close()
