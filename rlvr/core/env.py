"""The base class every rlvr env derives from.

It owns everything the public API promises (DESIGN.md, "Public API"): token or
text observations, incremental token observations after each turn,
``info["messages"]``, verdicts on the terminal step, seeding and
``options={"task_index": i}``, turn limits, and turning anything the policy
sends into text without raising. A subclass supplies only its domain:

* :meth:`load_source` - the tasks (user list or named source);
* :meth:`task_prompt` - the first user message for a task;
* :meth:`on_action` - what happens to the policy's text: a reply (the episode
  goes on) or a :class:`~rlvr.core.verdict.Verdict` (the episode ends);
* optionally :meth:`on_reset`, :meth:`on_truncate`, :meth:`close_episode`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Literal, Sequence

import gymnasium as gym
import numpy as np

from rlvr.core.errors import ConfigError
from rlvr.core.spaces import UnicodeText, token_space
from rlvr.core.tasks import Task, TaskSource
from rlvr.core.tokenizers import Message, load_tokenizer
from rlvr.core.verdict import Verdict

log = logging.getLogger(__name__)

ObsMode = Literal["tokens", "text"]
EMPTY_IDS = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True)
class Turn:
    """The env's answer to one action: a reply, or a verdict that ends the episode."""

    reply: str | None = None
    role: Literal["user", "tool"] = "user"
    verdict: Verdict | None = None


class RlvrEnv(gym.Env):
    """Base env with the shared constructor keywords of DESIGN.md.

    Args:
        obs_mode: ``"tokens"`` (1-D ``int64`` ids) or ``"text"`` (strings).
        tokenizer: ``None`` for the byte tokenizer, a name/path for
            ``transformers.AutoTokenizer``, or an object with encode/decode.
        tasks: Your own task dicts in the env's schema; overrides ``source``.
        source: Where tasks come from (``"procedural"`` or a dataset loader).
        max_turns: Agent turns before the episode is truncated.
        system_prompt: Replaces the env's default system prompt (``""`` drops it).
        render_mode: ``"ansi"`` returns the conversation text from ``render()``.
        vector_kwargs: Read by ``gym.make_vec`` from the env spec; ignored here.
    """

    metadata = {"render_modes": ["ansi"], "render_fps": 1}
    #: Shown as the system turn unless the user passes ``system_prompt``.
    default_system_prompt: str = ""
    #: JSON schemas of the tools this env accepts (multi-turn tool envs).
    tools: list[dict] | None = None

    def __init__(self, *, obs_mode: ObsMode = "tokens", tokenizer: Any = None,
                 tasks: Sequence[Task] | None = None, source: str | None = None,
                 max_turns: int = 1, system_prompt: str | None = None,
                 render_mode: str | None = None, vector_kwargs: dict | None = None) -> None:
        if obs_mode not in ("tokens", "text"):
            raise ConfigError(f"obs_mode must be 'tokens' or 'text', got {obs_mode!r}")
        if not isinstance(max_turns, int) or max_turns < 1:
            raise ConfigError(f"max_turns must be a positive int, got {max_turns!r}")
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ConfigError(f"render_mode must be one of {self.metadata['render_modes']} or None, "
                              f"got {render_mode!r}")
        self.obs_mode: ObsMode = obs_mode
        self.render_mode = render_mode
        self.max_turns = max_turns
        self.system_prompt = self.default_system_prompt if system_prompt is None else system_prompt
        self.tokenizer = load_tokenizer(tokenizer)
        self.source: TaskSource = self.load_source(source, tasks)
        if obs_mode == "tokens":
            self.observation_space = token_space(self.tokenizer.vocab_size)
            self.action_space = token_space(self.tokenizer.vocab_size)
        else:
            self.observation_space = UnicodeText()
            self.action_space = UnicodeText()
        self.task: Task | None = None
        self.task_index: int | None = None
        self.messages: list[Message] = []
        self.turn = 0
        self._rendered = ""   # the exact text the model has seen so far
        self._done = True

    # ----------------------------------------------------------- subclass hooks
    def load_source(self, source: str | None, tasks: Sequence[Task] | None) -> TaskSource:
        raise NotImplementedError

    def task_prompt(self, task: Task) -> str:
        raise NotImplementedError

    def on_reset(self, task: Task) -> None:
        """Prepare per-episode state (a sandbox, a browser page)."""

    def on_action(self, text: str) -> Turn:
        raise NotImplementedError

    def on_truncate(self) -> Verdict:
        """Verdict when ``max_turns`` runs out; graders like SWE override it."""
        return Verdict.incorrect("max_turns", message=f"no final answer within {self.max_turns} turns")

    def close_episode(self) -> None:
        """Release per-episode resources; called when an episode ends or the env closes."""

    # -------------------------------------------------------------- gym API
    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None):
        super().reset(seed=seed)
        if not self._done:
            self.close_episode()
        options = options or {}
        if "task_index" in options:
            index = options["task_index"]
            if not isinstance(index, (int, np.integer)) or not 0 <= int(index) < len(self.source):
                raise ConfigError(f"options['task_index'] must be an int in [0, {len(self.source)}), "
                                  f"got {index!r}")
            index = int(index)
        else:
            index = int(self.np_random.integers(len(self.source)))
        self.task_index, self.task = index, self.source[index]
        self.turn, self._done = 0, False
        self.on_reset(self.task)
        self.messages = ([{"role": "system", "content": self.system_prompt}] if self.system_prompt else [])
        self.messages.append({"role": "user", "content": self.task_prompt(self.task)})
        self._rendered = self.tokenizer.render(self.messages, self.tools, add_generation_prompt=True)
        return self._observe(self._rendered), self._info()

    def step(self, action: Any):
        if self._done:
            raise gym.error.ResetNeeded("The episode has ended; call reset() before step().")
        text, action_ids, problem = self.decode_action(action)
        self.messages.append({"role": "assistant", "content": text})
        self.turn += 1
        if problem:
            turn = Turn(verdict=Verdict.incorrect("invalid_action", message=problem)) \
                if self.max_turns == 1 else Turn(reply=f"Your last message was not understood: {problem}")
        else:
            turn = self.on_action(text)
        verdict, truncated = turn.verdict, False
        if verdict is None and self.turn >= self.max_turns:
            verdict, truncated = self.on_truncate(), True
        if verdict is not None:
            self._done = True
            self.close_episode()
            self._rendered += text
            info = self._info()
            info["verdict"] = verdict.to_dict()
            empty = EMPTY_IDS.copy() if self.obs_mode == "tokens" else ""
            return empty, float(verdict.reward), not truncated, truncated, info
        self.messages.append({"role": turn.role, "content": turn.reply or ""})
        delta = self._continuation(text)
        obs = self._observe(delta, after=action_ids)
        return obs, 0.0, False, False, self._info()

    def render(self) -> str | None:
        if self.render_mode == "ansi":
            return "\n".join(f"[{m['role']}] {m['content']}" for m in self.messages)
        return None

    def close(self) -> None:
        if not self._done:
            self.close_episode()
            self._done = True
        super().close()

    # ------------------------------------------------------------ internals
    def decode_action(self, action: Any) -> tuple[str, list[int] | None, str | None]:
        """Turn any action into text without raising.

        Returns ``(text, ids or None, problem or None)``; ``problem`` says what
        was wrong with an action that could not be read at all.
        """
        if isinstance(action, str):
            return action, None, None
        if isinstance(action, (bytes, bytearray)):
            return bytes(action).decode("utf-8", errors="replace"), None, None
        try:
            arr = np.asarray(action)
            if arr.dtype == object or arr.ndim > 1 or (arr.size and not np.issubdtype(arr.dtype, np.integer)):
                raise TypeError
            ids = arr.astype(np.int64).reshape(-1).tolist()
        except (TypeError, ValueError, OverflowError):
            return "", None, (f"the action must be a string or a 1-D sequence of token ids, "
                              f"got {type(action).__name__}")
        valid = [i for i in ids if 0 <= i < self.tokenizer.vocab_size]
        # The end-of-turn token closes the message; it is not part of its content.
        content = list(valid)
        while content and content[-1] == self.tokenizer.eos_token_id:
            content.pop()
        text = self.tokenizer.decode(content)
        if len(valid) != len(ids):
            log.debug("dropped %d out-of-vocabulary ids", len(ids) - len(valid))
        return text, ids, None

    def _continuation(self, action_text: str) -> str:
        """The text the env appends after the action: turn close, reply, next header.

        Rendering the whole conversation and cutting off what the model already
        saw keeps ``prompt + action + obs + ...`` identical to the chat
        template's rendering of the full conversation.
        """
        full = self.tokenizer.render(self.messages, self.tools, add_generation_prompt=True)
        seen = self._rendered + action_text
        if full.startswith(seen):
            delta = full[len(seen):]
        else:  # the template rewrote history (e.g. dropped reasoning): continue after the common part
            common = 0
            for a, b in zip(full, seen):
                if a != b:
                    break
                common += 1
            delta = full[common:]
            log.warning("the chat template re-renders earlier turns; token context may drift")
        self._rendered = full
        return delta

    def _observe(self, text: str, after: list[int] | None = None):
        if self.obs_mode == "text":
            return text
        ids = self.tokenizer.encode(text)
        # A policy that ended its turn with the end-of-turn token already put
        # that token in the context; do not append it twice.
        if after and ids and after[-1] == ids[0] and ids[0] == self.tokenizer.eos_token_id:
            ids = ids[1:]
        return np.asarray(ids, dtype=np.int64)

    def _info(self) -> dict[str, Any]:
        task = self.task or {}
        return {"messages": [dict(m) for m in self.messages], "turn": self.turn,
                "task_id": str(task.get("id", self.task_index)), "task_index": self.task_index}
