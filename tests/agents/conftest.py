"""Toy envs and helpers for the trainer's tests (no Math-v0 needed unless a test says so)."""

from __future__ import annotations

import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # two xdist workers on two cores: do not spin

import gymnasium as gym
import pytest

from rlvr.core.env import RlvrEnv, Turn
from rlvr.core.tasks import ListSource
from rlvr.core.verdict import Verdict

torch = pytest.importorskip("torch")
torch.set_num_threads(1)


class GuessEnv(RlvrEnv):
    """Multi-turn: the policy must say the task's word; a wrong guess gets a user reply and another turn.

    Tasks whose ``"broken"`` flag is set end with an infrastructure-error verdict (``masked``).
    """

    def __init__(self, max_turns: int = 3, tasks=None, **kwargs):
        self._tasks = tasks
        super().__init__(max_turns=max_turns, tasks=tasks, **kwargs)

    def load_source(self, source, tasks):
        return ListSource(tasks or [{"word": "ab"}, {"word": "ba"}])

    def task_prompt(self, task):
        return "word?"

    def on_action(self, text):
        if self.task.get("broken"):
            return Turn(verdict=Verdict.error("worker_died"))
        if text.strip() == self.task["word"]:
            return Turn(verdict=Verdict.correct())
        return Turn(reply="no")


class ConstantEnv(RlvrEnv):
    """Single-turn: reward is the task's fixed ``"reward"`` whatever the policy says (zero-variance groups),
    except tasks with ``"reward": None`` which reward answers starting with ``a``."""

    def load_source(self, source, tasks):
        return ListSource(tasks)

    def task_prompt(self, task):
        return "go"

    def on_action(self, text):
        fixed = self.task["reward"]
        if fixed is None:
            return Turn(verdict=Verdict.correct() if text.startswith("a") else Verdict.incorrect("no"))
        return Turn(verdict=Verdict.correct() if fixed else Verdict.incorrect("fixed"))


for _id, _cls in (("test/Guess-v0", GuessEnv), ("test/Constant-v0", ConstantEnv)):
    if _id not in gym.registry:
        gym.register(_id, entry_point=_cls)


class ScriptedSampler:
    """A sampler that answers from a script: ``script(context) -> list of ids``."""

    def __init__(self, script):
        self.script, self.calls = script, []

    def generate(self, contexts, max_new_tokens, *, greedy=False, temperature=1.0):
        self.calls.append([list(c) for c in contexts])
        return [list(self.script(list(c)))[:max_new_tokens] for c in contexts]

    def sync_weights(self, model):
        pass


@pytest.fixture
def scripted():
    return ScriptedSampler


def arithmetic_tasks_json(n: int = 40) -> str:
    import json

    from rlvr.agents.presets import arithmetic_tasks

    return json.dumps({"tasks": [{"question": t["question"], "answer": t["answer"]} for t in arithmetic_tasks(n)],
                       "system_prompt": ""})
