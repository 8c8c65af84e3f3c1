"""rlvr envs inside TRL's GRPOTrainer: reward functions (single turn) and the environment class (tools)."""

from __future__ import annotations

import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import gymnasium as gym
import pytest

trl = pytest.importorskip("trl")
torch = pytest.importorskip("torch")

from rlvr.core.env import RlvrEnv, Turn  # noqa: E402
from rlvr.core.tasks import ListSource  # noqa: E402
from rlvr.core.verdict import Verdict  # noqa: E402
from rlvr.integrations.trl import environment_factory, prompt_dataset, reward_function  # noqa: E402

TASKS = [{"question": f"{a}+{b}", "answer": str(a + b)} for a, b in [(1, 2), (3, 4), (5, 5), (2, 7), (6, 1), (8, 0)]]


def test_reward_function_scores_with_the_env_verifier():
    reward = reward_function("rlvr/Math-v0", tasks=TASKS, system_prompt="")
    dataset = prompt_dataset("rlvr/Math-v0", range(3), tasks=TASKS, system_prompt="")
    assert dataset[0]["prompt"] == [{"role": "user", "content": "1+2"}] and dataset[2]["task_index"] == 2
    completions = [[{"role": "assistant", "content": "3"}], "\\boxed{7}", "11"]
    assert reward(dataset["prompt"], completions, task_index=[0, 1, 2]) == [1.0, 1.0, 0.0]
    with pytest.raises(ValueError, match="task_index"):
        reward(dataset["prompt"], completions)


class ToolEnv(RlvrEnv):
    """Multi-turn tool env: ``add(x)`` adds to a counter, ``submit()`` is right when the counter hits the target."""

    tools = [
        {"type": "function", "function": {"name": "add", "description": "Add to the counter.", "parameters": {
            "type": "object", "properties": {"x": {"type": "integer", "description": "how much"}}, "required": ["x"]}}},
        {"type": "function", "function": {"name": "submit", "description": "Submit the counter.",
                                          "parameters": {"type": "object", "properties": {}}}},
    ]

    def __init__(self, **kwargs):
        super().__init__(max_turns=5, **kwargs)

    def load_source(self, source, tasks):
        return ListSource([{"target": 3}, {"target": 5}, {"target": -1, "broken": True}])

    def task_prompt(self, task):
        return f"Reach {task['target']}."

    def on_reset(self, task):
        self.counter = 0

    def on_action(self, text):
        from rlvr.core.tool_calls import parse_tool_calls

        call = parse_tool_calls(text).calls[0]
        name, arguments = call.name, call.arguments
        if name == "add":
            self.counter += int(arguments["x"])
            return Turn(reply=f"counter={self.counter}", role="tool")
        if self.task.get("broken"):
            return Turn(verdict=Verdict.error("grader_died"))
        return Turn(verdict=Verdict.correct() if self.counter == self.task["target"] else Verdict.incorrect("off"))


if "test/TrlTools-v0" not in gym.registry:
    gym.register("test/TrlTools-v0", entry_point=ToolEnv)


def test_environment_class_exposes_the_tools_and_the_reward():
    from transformers.utils import get_json_schema

    cls = environment_factory("test/TrlTools-v0")
    env = cls()
    schema = get_json_schema(cls.add)
    assert schema["function"]["name"] == "add"
    assert schema["function"]["parameters"]["properties"]["x"]["type"] == "integer"
    assert env.reset(task_index=0, prompt="ignored") is None
    assert env.add(x=2) == "counter=2" and env.add(x=1) == "counter=3"
    assert env.submit().startswith("Episode over: correct") and env.get_reward() == 1.0
    assert "ended" in env.add(x=1)
    env.reset(task_index=1)
    env.submit()
    assert env.get_reward() == 0.0
    env.reset(task_index=2)
    env.submit()
    assert env.get_reward() is None          # masked verdict: left out, not punished
    with pytest.raises(ValueError, match="no tools"):
        environment_factory("rlvr/Math-v0", tasks=TASKS)


def test_grpo_trainer_runs_a_few_steps_on_a_tiny_local_model(tmp_path):
    from trl import GRPOConfig, GRPOTrainer

    from rlvr.agents.model import TinyConfig, hf_byte_tokenizer, tiny_model

    torch.set_num_threads(1)
    model = tiny_model(0, TinyConfig(hidden_size=32, intermediate_size=64, num_hidden_layers=1, num_attention_heads=2))
    tokenizer = hf_byte_tokenizer()
    dataset = prompt_dataset("rlvr/Math-v0", range(len(TASKS)), tasks=TASKS, system_prompt="")
    calls = []
    reward = reward_function("rlvr/Math-v0", tasks=TASKS, system_prompt="")

    def counting_reward(prompts, completions, **kw):
        calls.append(len(completions))
        return reward(prompts, completions, **kw)

    config = GRPOConfig(output_dir=str(tmp_path), per_device_train_batch_size=4, num_generations=4,
                        max_completion_length=4, max_steps=2, learning_rate=5e-4, bf16=False, use_cpu=True,
                        gradient_checkpointing=False, report_to=[], logging_steps=1, save_strategy="no",
                        dataloader_num_workers=0, seed=0)
    trainer = GRPOTrainer(model=model, reward_funcs=counting_reward, args=config, train_dataset=dataset,
                          processing_class=tokenizer)
    before = [p.detach().clone() for p in model.parameters()]
    trainer.train()
    assert trainer.state.global_step == 2 and sum(calls) >= 8
    assert any("reward" in k for log in trainer.state.log_history for k in log)
    assert all(torch.isfinite(p).all() for p in model.parameters())
    assert len(before) == len(list(model.parameters()))
