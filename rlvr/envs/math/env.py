"""``rlvr/Math-v0``: one question, one answer, reward 1 if the answer is mathematically right."""

from __future__ import annotations

from typing import Any, Sequence

from rlvr.core.env import RlvrEnv, Turn
from rlvr.core.errors import ConfigError
from rlvr.core.tasks import ListSource, ProceduralSource, Task, TaskSource, require_keys

TASK_SCHEMA = '{"question": str, "answer": str, "id"?: str}'
DATASET_SOURCES = ("gsm8k", "math", "aime", "json")


class MathEnv(RlvrEnv):
    """Single-turn math with a symbolic-equivalence verifier.

    ## Description
    Each episode shows one math problem. The policy answers in one turn; the
    final answer (the last ``\\boxed{...}``, else an ``Answer:`` line, else the
    last line) is parsed into SymPy and compared with the reference answer by
    :func:`rlvr.verifiers.math.verify_math`.

    ## Observation Space
    ``"tokens"``: ``Sequence(Discrete(vocab_size), stack=True)`` - the rendered
    chat prompt (system, user, assistant header) as ``int64`` ids.
    ``"text"``: :class:`~rlvr.core.spaces.UnicodeText` - the same as a string.

    ## Action Space
    Token ids (any 1-D int sequence) or a ``str``, in either mode.

    ## Rewards
    1.0 if the final answer is equivalent to the reference, else 0.0. Hedged
    answers (``4 or 5``), unparsable answers and answers that take longer than
    ``verify_timeout`` seconds to check score 0 with ``status="incorrect"``.

    ## Episode End
    After the first action (``terminated=True``).

    ## Arguments
    | keyword | default | meaning |
    |---|---|---|
    | ``source`` | ``"procedural"`` | or ``"gsm8k"``, ``"math"``, ``"aime"``, ``"json"`` |
    | ``family`` | ``None`` (all) | a procedural family name or a list of names |
    | ``difficulty`` | ``3`` | 1-10, procedural only |
    | ``dataset`` | hub default | local file/dir or hub name for a dataset source |
    | ``split`` | ``"test"`` | dataset split |
    | ``limit`` | ``None`` | keep only the first ``limit`` dataset items |
    | ``verify_timeout`` | ``2.0`` | wall-clock bound of one verification, in seconds |
    | ``seed`` | ``0`` | root seed of the procedural item streams |

    plus the shared keywords (``obs_mode``, ``tokenizer``, ``tasks``,
    ``system_prompt``)::

        env = gym.make("rlvr/Math-v0", family=["linear_equation", "quadratic"], difficulty=5)

    ## Version History
    * v0: initial release.
    """

    default_system_prompt = ("Solve the math problem. Think step by step if it helps, "
                             "then write the final answer inside \\boxed{}.")

    def __init__(self, *, source: str | None = None, family: str | Sequence[str] | None = None,
                 difficulty: int = 3, dataset: str | None = None, split: str = "test",
                 limit: int | None = None, verify_timeout: float = 2.0, seed: int = 0,
                 **kwargs: Any) -> None:
        self.family, self.difficulty, self.root_seed = family, difficulty, seed
        self.dataset, self.split, self.limit = dataset, split, limit
        if not verify_timeout > 0:
            raise ConfigError(f"verify_timeout must be > 0 seconds, got {verify_timeout!r}")
        self.verify_timeout = float(verify_timeout)
        super().__init__(source=source, **kwargs)
        if self.max_turns != 1:
            raise ConfigError(f"Math-v0 is single-turn; max_turns must be 1, got {self.max_turns}")
        from rlvr.verifiers.math import verify_math, warm_up  # loads sympy only when the env is made

        # Start the SymPy worker now, in the background, so the first symbolic
        # check does not spend its time bound importing SymPy.
        warm_up(wait=False)
        self._verify = verify_math

    def load_source(self, source: str | None, tasks: Sequence[Task] | None) -> TaskSource:
        if tasks is not None:
            return ListSource(tasks, self._validate)
        source = source or "procedural"
        if source == "procedural":
            return procedural_source(self.family, self.difficulty, self.root_seed)
        if source in DATASET_SOURCES:
            from rlvr.envs.math.datasets import load_math_tasks

            return ListSource(load_math_tasks(source, self.dataset, split=self.split, limit=self.limit),
                              self._validate)
        raise ConfigError(f"source must be 'procedural' or one of {DATASET_SOURCES}, got {source!r}")

    @staticmethod
    def _validate(task: Task, index: int) -> Task:
        task = require_keys(task, index, ("question", "answer"), {"question": str}, TASK_SCHEMA)
        if not isinstance(task["answer"], (str, int, float)):
            raise ConfigError(f"tasks[{index}]['answer'] must be a string, got {type(task['answer']).__name__}")
        return {**task, "answer": str(task["answer"])}

    def task_prompt(self, task: Task) -> str:
        return task["question"]

    def on_action(self, text: str) -> Turn:
        return Turn(verdict=self._verify(text, self.task["answer"], timeout=self.verify_timeout))


def procedural_source(family: str | Sequence[str] | None, difficulty: int, root_seed: int = 0) -> ProceduralSource:
    """Item ``i`` picks a family uniformly from its own stream, then generates."""
    from rlvr.envs.math.families import FAMILIES, FamilyConfig

    FamilyConfig(difficulty=difficulty)  # validates the knob once, with a clear error
    names = sorted(FAMILIES) if family is None else [family] if isinstance(family, str) else list(family)
    unknown = [n for n in names if n not in FAMILIES]
    if unknown or not names:
        raise ConfigError(f"unknown math family {unknown or names}; choose from: {', '.join(sorted(FAMILIES))}")
    chosen = [FAMILIES[n] for n in names]

    def generate(rng) -> Task:
        fam = chosen[int(rng.integers(len(chosen)))]
        problem = fam.make(rng, difficulty)
        return {"question": problem.question, "answer": problem.answer,
                "family": fam.name, "difficulty": difficulty}

    return ProceduralSource(generate, root_seed)
