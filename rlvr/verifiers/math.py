"""``verify_math``: is the final answer of a completion mathematically the reference answer?

This is the reward of ``rlvr/Math-v0``, and a policy under RL will search for
anything it scores too kindly. So it is strict where strictness is cheap to
state, and bounded in everything it spends:

1. **Extract** the final answer (:mod:`rlvr.verifiers.math_extract`): the last
   ``\\boxed{}``, else an ``Answer:`` line, else the last math span, else the
   last line of a short completion. Only the last box counts.
2. **Normalise** both sides the same way (:mod:`rlvr.verifiers.math_normalize`):
   presentation and units go; ``25\\%`` is ``25``, ``45^\\circ`` is ``45``;
   "4 or 5" becomes the list "4, 5".
3. **Fast path**, in this process, no SymPy (:mod:`rlvr.verifiers.math_fast`):
   identical normalised text is a match; plain numbers (integers, decimals,
   ``a/b``, ``\\frac{a}{b}``, ``x = 3`` for a value) and tuples, sets and
   intervals of them compare as exact fractions, by the worker's rules; a flat
   list against a single value is a hedge. This costs microseconds and covers
   most procedural answers.
4. **Everything else** goes to a worker process (:mod:`rlvr.verifiers.bounded`)
   that parses with ``latex2sympy2_extended``/SymPy and compares by kind
   (:mod:`rlvr.verifiers.math_compare`), under a hard wall-clock deadline and a
   2 GiB address-space limit. Past the deadline the worker is killed and a
   fresh one is forked from a zygote that already imported SymPy (~10 ms); the
   verdict is ``incorrect`` with reason ``timeout``.

Reasons (``verdict.details["reason"]``): ``match`` (correct), ``mismatch``,
``no_answer``, ``hedged``, ``unparsable``, ``timeout``, ``too_large``
(incorrect); ``worker_unavailable``, ``gold_unparsable``, ``internal_error``
(status ``"error"``, masked: the infrastructure or the task failed, not the
policy). ``details["extracted"]`` holds the policy's extracted answer (at most
200 characters); the reference answer never appears in a verdict.
"""

from __future__ import annotations

import functools
import re
import threading
import time
from dataclasses import dataclass
from fractions import Fraction

from rlvr.core.errors import ConfigError
from rlvr.core.verdict import Verdict
from rlvr.verifiers.bounded import WorkerPool
from rlvr.verifiers.math_extract import MAX_ANSWER_CHARS, extract_answer, last_boxed
from rlvr.verifiers.math_fast import fast_compare, fast_structure, fast_value, holds_several_values, is_flat_list
from rlvr.verifiers.math_normalize import normalize

#: Every reason an ``incorrect`` verdict can carry (plus ``match`` for ``correct``).
REASONS = ("match", "mismatch", "no_answer", "hedged", "unparsable", "timeout", "too_large", "not_simplified")
#: The worker's handler, as ``module:function``.
WORKER_HANDLER = "rlvr.verifiers.math_compare:check_request"
#: Address-space limit of each worker process, in MiB.
WORKER_MEMORY_MB = 2048
_EXTRACTED_CHARS = 200

_pool: WorkerPool | None = None
_pool_lock = threading.Lock()


def _get_pool() -> WorkerPool:
    global _pool
    if _pool is None:
        with _pool_lock:
            if _pool is None:
                _pool = WorkerPool(WORKER_HANDLER, memory_mb=WORKER_MEMORY_MB)
                _pool.warm()  # start importing SymPy now, before the first answer needs it
    return _pool


def warm_up(workers: int = 1, wait: bool = False, timeout: float = 60.0) -> bool:
    """Start the SymPy worker machinery now (e.g. when an env is made) instead of on first use.

    Args:
        workers: With ``wait``, how many idle workers to have ready (one per
            thread that verifies concurrently; more are forked on demand in ~10 ms).
        wait: Block until SymPy is imported and the workers exist.
        timeout: How long to wait, in seconds.

    Returns:
        Whether everything is ready (always ``True`` when ``wait`` is false).
    """
    return _get_pool().warm(workers, wait=wait, timeout=timeout)


def shutdown() -> None:
    """Stop every worker process (they restart on the next call that needs one)."""
    if _pool is not None:
        _pool.close()


def worker_pids() -> list[int]:
    """Process ids of the live verifier workers, not counting the zygote (tests, monitoring)."""
    return _pool.pids() if _pool is not None else []


@dataclass(frozen=True)
class _Gold:
    text: str  #: normalised reference
    fast: tuple | None  #: its fast-path structure (a number, or a tuple/set/interval of numbers)
    several: bool  #: a matrix, tuple, set or interval: no single number can equal it


@functools.lru_cache(maxsize=16384)
def _gold(answer: str) -> _Gold:
    if "\\boxed" in answer or "\\fbox" in answer:
        boxed = last_boxed(answer, limit=len(answer))
        answer = boxed.text if boxed is not None and boxed.text is not None else answer
    text = normalize(answer).text
    return _Gold(text, fast_structure(text), holds_several_values(text))


def _reference(answer: object) -> str | None:
    if isinstance(answer, str):
        return answer
    if isinstance(answer, (int, Fraction)) and not isinstance(answer, bool):
        return str(answer)
    return None


def verify_math(completion: str, answer: str, *, timeout: float = 2.0) -> Verdict:
    """Check the final answer in ``completion`` against the reference ``answer``.

    Args:
        completion: The policy's whole response.
        answer: The reference answer (LaTeX or plain math; an ``int`` is accepted).
        timeout: Wall-clock bound of this call in seconds; a check that needs
            longer is ``incorrect`` with reason ``timeout``.

    Returns:
        A :class:`~rlvr.core.verdict.Verdict`. Never raises for any input;
        non-string input is ``incorrect`` with reason ``unparsable``.
    """
    if not (isinstance(timeout, (int, float)) and 0 < timeout < float("inf")):
        raise ConfigError(f"timeout must be a positive number of seconds, got {timeout!r}")
    deadline = time.monotonic() + float(timeout)
    try:
        return _verify(completion, answer, deadline)
    except Exception as exc:  # noqa: BLE001 - a verifier bug must not crash a training run
        return Verdict.error("internal_error", error=f"{type(exc).__name__}: {str(exc)[:200]}")


_ASSIGNMENT = re.compile(r"^\s*[A-Za-z](?:_\{?\w+\}?)?\s*=\s*")
_OPERATION = re.compile(r"\\|[-+*/^!()]|\d\s+\d")


#: Number spellings that are final answers although they hold an operator:
#: scientific notation (3 \times 10^{5}) and mixed numbers (2\frac{1}{2}).
_NUMBER_FORMS = re.compile(r"-?\d+(?:\.\d+)?\s*(?:\\times|\\cdot)\s*10\^\{?-?\d+\}?"
                           r"|-?\d+\s*\\frac\{\d+\}\{\d+\}|-?\\frac\{\d*\.?\d+\}\{\d*\.?\d+\}")


def _unevaluated(norm: str) -> bool:
    """Whether ``norm`` (not a plain number) still contains an operation or a command.

    Only the value after the last ``=`` counts (``x = 1 + 2 = 3`` ends in 3),
    and redundant outer parentheses are dropped.
    """
    body = _ASSIGNMENT.sub("", norm, count=1).rsplit("=", 1)[-1].strip()
    while body.startswith("(") and body.endswith(")") and len(body) > 2:
        body = body[1:-1].strip()
    if fast_value(body) is not None or _NUMBER_FORMS.fullmatch(body):
        return False
    return bool(_OPERATION.search(body.lstrip("-+")))


def _verify(completion: object, answer: object, deadline: float) -> Verdict:
    reference = _reference(answer)
    if not isinstance(completion, str) or reference is None:
        return Verdict.incorrect("unparsable", error="completion and answer must be str")
    pool = _get_pool()
    found = extract_answer(completion)
    if found.too_large:
        return Verdict.incorrect("too_large", source=found.source,
                                 error=f"final answer longer than {MAX_ANSWER_CHARS} characters")
    if found.text is None:
        return Verdict.incorrect("no_answer", source=found.source)
    details = {"extracted": found.text[:_EXTRACTED_CHARS], "source": found.source}
    norm = normalize(found.text).text
    if not norm:
        return Verdict.incorrect("no_answer", **details)
    gold = _gold(reference)

    if norm == gold.text:
        return Verdict.correct(**details)
    if gold.fast is not None:  # fast path: a reference made of plain numbers
        if gold.fast[0] == "num":
            value = fast_value(norm)
            if value is not None:
                return Verdict.correct(**details) if value == gold.fast[1] else Verdict.incorrect("mismatch", **details)
            if is_flat_list(norm):
                return Verdict.incorrect("hedged", **details)
        answer_fast = fast_structure(norm)
        reason = fast_compare(gold.fast, answer_fast) if answer_fast is not None else None
        if reason == "match":
            return Verdict.correct(**details)
        if reason is not None:
            return Verdict.incorrect(reason, **details)
    elif gold.several and fast_value(norm) is not None:  # one number for a matrix, a point, a set...
        return Verdict.incorrect("mismatch", **details)

    left = deadline - time.monotonic()
    if left <= 0:
        return Verdict.incorrect("timeout", **details)
    result = pool.call({"gold": gold.text, "answer": norm}, timeout=left)
    if result.outcome == "ok":
        reason = str((result.value or {}).get("reason", "unparsable"))
        if reason == "match" and gold.fast is not None and gold.fast[0] == "num" and _unevaluated(norm):
            # Equal in value, but the reference is a number and the answer is an
            # expression still to be computed: copying "52 - 33" or "\binom{10}{3}"
            # from the question must not earn the reward for 19 or 120.
            return Verdict.incorrect("not_simplified", **details)
        if reason == "match":
            return Verdict.correct(**details)
        if reason == "gold_unparsable":
            return Verdict.error("gold_unparsable", **details)
        return Verdict.incorrect(reason if reason in REASONS else "unparsable", **details)
    if result.outcome == "timeout":
        return Verdict.incorrect("timeout", **details)
    if result.outcome == "crashed":
        return Verdict.incorrect("too_large", **details)
    if result.outcome == "raised" and ("MemoryError" in result.error or "RecursionError" in result.error):
        return Verdict.incorrect("too_large", **details)
    return Verdict.error("worker_unavailable", error=result.error, **details)
