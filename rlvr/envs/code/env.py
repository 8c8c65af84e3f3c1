"""``rlvr/Code-v0``: write a program; reward 1 only if it passes every hidden test in a sandbox."""

from __future__ import annotations

import functools
from typing import Any, Sequence

from rlvr.core.env import RlvrEnv, Turn
from rlvr.core.errors import ConfigError
from rlvr.core.tasks import ListSource, Task, TaskSource
from rlvr.core.verdict import Verdict
from rlvr.envs.code.actions import extract_code
from rlvr.verifiers.code import SHOW_CHARS, CodeTask, normalize_task, run_tests
from rlvr.verifiers.code_runners import get_runner

TASK_SCHEMA = ('{"prompt": str, "tests": [{"input", "output"}] | [{"args", "kwargs"?, "expected"}] '
               '(with "entry_point") | "test": "<def check(candidate)>" (with "entry_point"), '
               '"public_tests"?, "time_limit_s"?, "memory_mb"?, "checker"?, "id"?}')


class BundledSource:
    """The project's bundled problems, materialised one at a time on first access.

    Materialising a problem runs its reference solution on every generated
    input (cached on disk), so making the env does not pay for all of them.
    """

    def __init__(self, seed: int = 0) -> None:
        from rlvr.envs.code.problems import PROBLEMS

        if not PROBLEMS:
            raise ConfigError("source='bundled' found no bundled code problems (rlvr/envs/code/problems is "
                              "empty in this installation). Fix: pass tasks=[...] or a dataset source such "
                              "as source='humaneval'.")
        self.ids = sorted(PROBLEMS)
        self.seed = seed

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index: int) -> Task:
        return _materialise(self.ids[index], self.seed)


@functools.lru_cache(maxsize=256)
def _materialise(problem_id: str, seed: int) -> Task:
    from rlvr.envs.code.problems import PROBLEMS, materialise

    return materialise(PROBLEMS[problem_id], seed)


class CodeEnv(RlvrEnv):
    """Competitive programming with hidden tests, single or multi turn.

    ## Description
    Each episode shows one programming problem. The policy answers with a
    program (the last fenced code block of its message, else the whole
    message). The program runs in a sandbox on the task's public and hidden
    tests (:func:`rlvr.verifiers.code.run_tests`): stdin/stdout problems,
    function-call problems, or HumanEval-style ``check(candidate)`` scripts.
    The verdict is computed in the env's own process from the program's raw
    outputs; the program never sees expected outputs.

    ## Observation Space
    ``"tokens"``: ``Sequence(Discrete(vocab_size), stack=True)`` - the rendered
    chat prompt as ``int64`` ids; after a failed attempt (``max_attempts > 1``)
    only the appended feedback turn. ``"text"``: :class:`~rlvr.core.spaces.UnicodeText`.

    ## Action Space
    Token ids (any 1-D int sequence) or a ``str``, in either mode.

    ## Rewards
    1.0 if every hidden test passes, else 0.0 (``info["verdict"]["details"]``
    says why: ``wrong_answer``, ``runtime_error``, ``timeout``, ``memory``,
    ``output_limit``, ``compile_error``, ``no_code``; with tests passed/total
    and the first failing *public* test). If the sandbox itself fails the
    verdict is ``status="error"`` with ``masked=True``.

    ## Episode End
    Terminated after a correct submission or after ``max_attempts``
    submissions. With ``max_attempts > 1`` a failed submission gets feedback
    (the compile error, or the first failing public test with its input,
    expected and actual output; never hidden data) and the episode goes on.

    ## Arguments
    | keyword | default | meaning |
    |---|---|---|
    | ``source`` | ``"bundled"`` | the project's problems, or a loader: ``"humaneval"``, ``"mbpp"``, ``"apps"``, ``"code_contests"``, ``"taco"``, ``"livecodebench"``, ``"deepcoder"``, ``"json"`` |
    | ``dataset`` | loader default | local file/dir or hub name for a loader |
    | ``split`` | ``"test"`` | dataset split |
    | ``limit`` | ``None`` | keep only the first ``limit`` dataset tasks |
    | ``max_attempts`` | ``1`` | submissions per episode (``> 1`` = multi-turn repair) |
    | ``sandbox`` | ``"auto"`` | ``"bwrap"``, ``"process"``, ``"docker"`` or a sandbox object |
    | ``language`` | ``"python"`` | ``"python"``; ``"cpp"`` (g++, stdio tasks) where the sandbox has a compiler |
    | ``seed`` | ``0`` | seed of the bundled problems' generated tests |

    plus the shared keywords (``obs_mode``, ``tokenizer``, ``tasks``,
    ``system_prompt``)::

        env = gym.make("rlvr/Code-v0", source="humaneval", max_attempts=3)

    ## Version History
    * v0: initial release.
    """

    default_system_prompt = ("You are an expert programmer. Solve the problem and reply with the complete "
                             "program in one fenced code block.")

    def __init__(self, *, source: str | None = None, dataset: str | None = None, split: str = "test",
                 limit: int | None = None, max_attempts: int = 1, sandbox: Any = "auto",
                 language: str = "python", seed: int = 0, **kwargs: Any) -> None:
        if isinstance(max_attempts, bool) or not isinstance(max_attempts, int) or max_attempts < 1:
            raise ConfigError(f"max_attempts must be a positive int (1 = single turn), got {max_attempts!r}")
        max_turns = kwargs.pop("max_turns", max_attempts)
        if max_turns != max_attempts:
            raise ConfigError(f"Code-v0 ends after max_attempts submissions; max_turns must equal "
                              f"max_attempts ({max_attempts}), got {max_turns!r}. Fix: set max_attempts only.")
        self.runner = get_runner(language)
        self.language = language
        self.dataset, self.split, self.limit, self.root_seed = dataset, split, limit, seed
        self.max_attempts = max_attempts
        self.sandbox = sandbox
        self._specs: dict[int, CodeTask] = {}
        super().__init__(source=source, max_turns=max_attempts, **kwargs)
        self.attempts = 0

    # ---------------------------------------------------------------- tasks
    def load_source(self, source: str | None, tasks: Sequence[Task] | None) -> TaskSource:
        if tasks is not None:
            return ListSource(tasks, self._validate)
        source = source or "bundled"
        if source == "bundled":
            return BundledSource(self.root_seed)
        from rlvr.envs.code.datasets import SOURCES, load_code_tasks

        if source not in SOURCES:
            raise ConfigError(f"source must be 'bundled' or one of {SOURCES}, got {source!r}")
        return ListSource(load_code_tasks(source, self.dataset, split=self.split, limit=self.limit),
                          self._validate)

    def _validate(self, task: Task, index: int) -> Task:
        if not isinstance(task, dict) or not isinstance(task.get("prompt"), str):
            raise ConfigError(f"tasks[{index}] needs a 'prompt' string; expected schema {TASK_SCHEMA}")
        spec = normalize_task(task, index)
        if spec.kind not in self.runner.kinds:
            raise ConfigError(f"tasks[{index}] is a {spec.kind} task, which language={self.language!r} "
                              f"does not support (it runs {self.runner.kinds})")
        return task

    def task_spec(self, index: int) -> CodeTask:
        if index not in self._specs:
            self._specs[index] = normalize_task(self.source[index], index)
        return self._specs[index]

    # -------------------------------------------------------------- episode
    def on_reset(self, task: Task) -> None:
        self.attempts = 0

    def task_prompt(self, task: Task) -> str:
        spec = self.task_spec(self.task_index)
        fence = self.runner.fence_tags[0]
        if spec.kind == "stdio":
            how = (f"Write a complete {self.language} program that reads standard input and writes "
                   "standard output.")
        elif spec.kind == "call":
            how = f"Write a {self.language} function named `{spec.entry_point}` (with any imports it needs)."
        else:
            how = (f"Write the complete {self.language} code of `{spec.entry_point}`, including the "
                   "imports and helper functions it needs.")
        return f"{task['prompt'].rstrip()}\n\n{how} Put the code in one ```{fence} fenced block."

    def on_action(self, text: str) -> Turn:
        code = extract_code(text, self.runner.fence_tags)
        verdict = run_tests(code, self.task_spec(self.task_index), sandbox=self.sandbox, language=self.language)
        self.attempts += 1
        if self.max_attempts > 1:
            verdict = Verdict(verdict.status, verdict.reward, {**verdict.details, "attempts": self.attempts},
                              verdict.masked)
        if verdict.is_correct or verdict.status == "error" or self.attempts >= self.max_attempts:
            return Turn(verdict=verdict)
        return Turn(reply=feedback(verdict, self.max_attempts - self.attempts, self.runner.fence_tags[0]))


def feedback(verdict: Verdict, attempts_left: int, fence: str = "python") -> str:
    """The user turn after a failed submission: what failed, never any hidden data."""
    d = verdict.details
    reason = d.get("reason", "")
    left = f"You have {attempts_left} attempt{'s' if attempts_left != 1 else ''} left."
    if reason == "no_code":
        return f"No code was found in your reply. Put the complete program in one ```{fence} block. {left}"
    if reason == "compile_error":
        return (f"Your program does not compile:\n```\n{str(d.get('message', ''))[:SHOW_CHARS]}\n```\n"
                f"Fix it and send the complete program again. {left}")
    public = d.get("public") or {}
    failure = public.get("first_failure")
    if failure:
        parts = [f"Your program failed public example {failure['index'] + 1} ({failure['reason']}).",
                 f"Input:\n```\n{failure['input']}\n```", f"Expected output:\n```\n{failure['expected']}\n```",
                 f"Your output:\n```\n{failure.get('got', '')}\n```"]
        if failure.get("stderr") and failure["reason"] != "wrong_answer":
            parts.append(f"Standard error (end):\n```\n{failure['stderr']}\n```")
        parts.append(f"Fix it and send the complete program again. {left}")
        return "\n".join(parts)
    shown = f"the {public['total']} public example{'s' if public.get('total') != 1 else ''} but " \
        if public.get("total") else ""
    return (f"Your program passed {shown}failed a hidden test ({reason}). Hidden tests are not shown. "
            f"Think about edge cases, limits and efficiency, then send the complete program again. {left}")
