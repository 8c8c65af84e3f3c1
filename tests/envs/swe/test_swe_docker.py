"""SWE-v0 with ``sandbox="docker"``: the workspace is a container, files move through the Docker API.

The same behaviour as on bwrap (gold through bash scores 1, untouched 0,
tools answer with observations, nothing hidden in the container), plus what
is docker's own: the container has no network, runs the policy as nobody,
and nothing is left behind when the env closes.
"""

from __future__ import annotations

import pytest

from rlvr.envs.swe.env import SweEnv
from rlvr.envs.swe.testing import gold_files_command, hand_written_task, tool_call
from rlvr.verifiers.sandbox.testing import backend_or_skip, own_artifacts
from rlvr.verifiers.swe import grade, run_pytest

TASK = hand_written_task()


@pytest.fixture(scope="module")
def env():
    backend_or_skip("docker")
    env = SweEnv(tasks=[TASK.to_dict()], obs_mode="text", sandbox="docker")
    yield env
    env.close()


def reply(env, text: str) -> str:
    _, _, terminated, truncated, info = env.step(text)
    assert not (terminated or truncated)
    return info["messages"][-1]["content"]


def test_workspace_is_a_container_with_only_the_buggy_tree(env):
    env.reset(seed=0)
    out = reply(env, tool_call("bash", command="hostname; id -u; cat /proc/1/cmdline | tr '\\0' ' '; echo; "
                                               "find /work -type f -not -path '*/.git/*' | sort; "
                                               "ls /work/hidden_tests 2>&1; python3 -c 'import socket; "
                                               "socket.create_connection((\"1.1.1.1\", 80), timeout=2)' 2>&1 | tail -1"))
    lines = out.splitlines()
    assert lines[0] == "sandbox" and lines[1] == "65534"
    assert sorted(line[len("/work/"):] for line in lines if line.startswith("/work/")) == sorted(TASK.files)
    assert "No such file or directory" in out  # no hidden_tests directory
    assert "unreachable" in out.lower() or "Errno" in out  # no network


@pytest.mark.slow
def test_tools_and_grading_on_docker(env):
    env.reset(seed=0)
    assert "1\tfrom shop.cart import Cart" in reply(env, tool_call("view", path="tests/test_shop.py"))
    assert "occurs" in reply(env, tool_call("str_replace", path="shop/cart.py", old_str="total", new_str="x"))
    found = reply(env, tool_call("search", pattern="BULK_THRESHOLD", path="shop"))
    assert "shop/cart.py:5:BULK_THRESHOLD = 10" in found
    assert "Created" in reply(env, tool_call("create", path="shop/extra.py", file_text="X = 1\n"))
    assert "4 passed" in reply(env, tool_call("bash", command="pytest -q tests 2>&1 | tail -1"))
    _, reward, terminated, _, info = env.step(tool_call("submit"))
    assert reward == 0.0 and terminated and info["verdict"]["details"]["fail_to_pass_failed"] == 1
    assert "shop/extra.py" in info["verdict"]["details"]["changed_files"]
    env.reset(seed=0)
    assert "[exit code: 0]" in reply(env, tool_call("bash", command=gold_files_command(TASK)))
    _, reward, terminated, _, info = env.step(tool_call("submit"))
    assert reward == 1.0, info["verdict"]


def test_run_pytest_and_grade_in_containers():
    backend_or_skip("docker")
    run = run_pytest({**TASK.files, **TASK.hidden_files}, sandbox="docker")
    assert run.trusted and run.exit_code == 1
    assert run.outcomes[TASK.fail_to_pass[0]] == "failed"
    assert all(run.outcomes[i] == "passed" for i in TASK.pass_to_pass)
    assert grade(TASK, TASK.files, sandbox="docker").reward == 0.0


def test_closing_the_env_leaves_no_container_or_volume():
    backend_or_skip("docker")
    before = set(own_artifacts().docker)
    env = SweEnv(tasks=[TASK.to_dict()], obs_mode="text", sandbox="docker")
    env.reset(seed=0)
    during = set(own_artifacts().docker)
    env.step(tool_call("submit"))
    env.close()
    assert len(during - before) >= 1
    assert set(own_artifacts().docker) - before == set()
