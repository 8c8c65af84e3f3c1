"""Dataset loaders for ``rlvr/Math-v0``: GSM8K, MATH / MATH-500, AIME and generic JSON.

Each loader reads rows through the ``datasets`` library (local ``.json``,
``.jsonl``, ``.parquet`` or ``.csv`` files, a directory of them, or a Hugging
Face hub name) and turns them into Math-v0 task dicts::

    {"question": str, "answer": str, "id": str, "level"?: ..., "type"?: ..., ...}

Only the problem text, the final answer, the id and a few descriptive columns
(:data:`EXTRA_KEYS`) survive. Worked solutions, solution URLs and any column
not on that list are dropped: they are hidden data, and a task dict is one
``env.unwrapped.task`` away from a careless logger.

Example::

    from rlvr.envs.math.datasets import load_math_tasks

    tasks = load_math_tasks("gsm8k", "data/gsm8k_test.jsonl", limit=100)
    env = gym.make("rlvr/Math-v0", tasks=tasks)
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Literal

from rlvr.core.errors import ConfigError, require
from rlvr.core.tasks import Task

log = logging.getLogger(__name__)

MathSource = Literal["gsm8k", "math", "aime", "json"]
SOURCES: tuple[str, ...] = ("gsm8k", "math", "aime", "json")

#: Local file suffix -> ``datasets`` builder that reads it.
LOCAL_FORMATS: dict[str, str] = {".json": "json", ".jsonl": "json", ".parquet": "parquet", ".csv": "csv"}

#: Descriptive columns copied into the task when a row has them. Everything
#: else (``solution``, ``url``, model outputs, ...) is dropped on purpose.
EXTRA_KEYS: tuple[str, ...] = ("level", "type", "subject", "year")

#: Columns that carry a dataset-provided task id, in order of preference.
ID_KEYS: tuple[str, ...] = ("id", "unique_id", "problem_id")

#: Split names a directory's file names are matched against (see :func:`_split_files`).
KNOWN_SPLITS: tuple[str, ...] = ("train", "test", "validation", "valid", "dev", "eval")


@dataclass(frozen=True)
class HubDataset:
    """Where a source's rows live on the Hugging Face hub by default.

    Attributes:
        name: Hub repository id.
        config: Dataset config name (``None`` = the default config).
        split_aliases: Requested split -> the split the repository really has.
            Evaluation-only sets often publish their single split as
            ``"train"``; the alias lets the env's default ``split="test"`` work.
    """

    name: str
    config: str | None = None
    split_aliases: dict[str, str] = field(default_factory=dict)


HUB_DEFAULTS: dict[str, HubDataset] = {
    "gsm8k": HubDataset("openai/gsm8k", "main"),
    "math": HubDataset("HuggingFaceH4/MATH-500"),
    # 90 AIME 2022-2024 problems, published as a single "train" split.
    "aime": HubDataset("AI-MO/aimo-validation-aime", split_aliases={"test": "train"}),
}


class _NoAnswer(Exception):
    """A row whose answer cannot be extracted; it is skipped and counted."""


# ------------------------------------------------------------------ public API
def load_math_tasks(source: str, dataset: str | None = None, *, split: str = "test",
                    limit: int | None = None) -> list[Task]:
    """Load Math-v0 tasks from a GSM8K, MATH, AIME or generic JSON dataset.

    Args:
        source: The row schema: ``"gsm8k"`` (``question``, and ``answer`` =
            worked solution ending in ``#### <number>``), ``"math"``
            (``problem``, ``solution`` with a ``\\boxed{}`` answer, optional
            ``answer``/``level``/``type``/``subject``), ``"aime"``
            (``problem`` or ``question``, integer ``answer`` in 0..999) or
            ``"json"`` (``question``, ``answer``; a local file only).
        dataset: ``None`` for the source's hub default (:data:`HUB_DEFAULTS`),
            a local ``.json``/``.jsonl``/``.parquet``/``.csv`` file, a local
            directory of such files, or a hub dataset name.
        split: Split to read. For a local directory, files whose names carry
            the split (``test.jsonl``, ``train-00000-of-00001.parquet``) are
            chosen; a single file, or a directory without split names, is
            read whole and ``split`` only labels the ids.
        limit: Keep only the first ``limit`` tasks (after skipping rows that
            have no answer); ``None`` keeps all.

    Returns:
        Task dicts ``{"question", "answer", "id", ...extras}``. ``id`` is the
        dataset's own id when it has one, else ``f"{source}/{split}/{row_index}"``.

    Raises:
        ConfigError: Unknown source, missing file, unreachable hub (offline),
            unknown split, or an invalid row (the message names the row and the fix).
        MissingExtraError: ``datasets`` is not installed.
    """
    if source not in SOURCES:
        raise ConfigError(f"unknown math dataset source {source!r}; choose one of {', '.join(SOURCES)} "
                          "(or source='procedural' in the env)")
    if not isinstance(split, str) or not split:
        raise ConfigError(f"split must be a non-empty string such as 'test' or 'train', got {split!r}")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise ConfigError(f"limit must be a positive int or None (all rows), got {limit!r}")
    if dataset is not None and (not isinstance(dataset, (str, Path)) or not str(dataset)):
        raise ConfigError(f"dataset must be a local path or a hub name, got {dataset!r}")

    rows, origin = _read_rows(source, None if dataset is None else str(dataset), split)
    return rows_to_tasks(source, rows, split=split, limit=limit, origin=origin)


def rows_to_tasks(source: str, rows: Iterable[dict[str, Any]], *, split: str = "test",
                  limit: int | None = None, origin: str = "rows") -> list[Task]:
    """Convert raw dataset rows (dicts in ``source``'s schema) into task dicts.

    This is :func:`load_math_tasks` without the I/O; ``origin`` names the data
    in messages. Rows without an extractable answer are skipped and counted in
    one ``logging`` warning.
    """
    if source not in _CONVERTERS:
        raise ConfigError(f"unknown math dataset source {source!r}; choose one of {', '.join(SOURCES)}")
    convert = _CONVERTERS[source]
    tasks: list[Task] = []
    skipped: list[int] = []
    seen_ids: set[str] = set()
    duplicate_ids = 0
    for index, row in enumerate(rows):
        if limit is not None and len(tasks) >= limit:
            break
        where = f"{source} row {index} of {origin}"
        lookup = {str(k).lower(): v for k, v in row.items()}
        try:
            question, answer = convert(lookup, where)
        except _NoAnswer:
            skipped.append(index)
            continue
        question = question.strip() if isinstance(question, str) else question
        if not isinstance(question, str) or not question:
            raise ConfigError(f"{where}: the question is empty or not text ({question!r}). "
                              "Fix: remove the row or fill in its problem text.")
        if not isinstance(answer, str) or not answer.strip():
            raise ConfigError(f"{where}: the answer is empty after normalisation ({answer!r}). "
                              "Fix: remove the row or give it a final answer.")
        task_id = _dataset_id(lookup) or f"{source}/{split}/{index}"
        if task_id in seen_ids:
            duplicate_ids += 1
        seen_ids.add(task_id)
        task: Task = {"question": question, "answer": answer.strip(), "id": task_id}
        for key in EXTRA_KEYS:
            if lookup.get(key) not in (None, ""):
                task[key] = lookup[key]
        tasks.append(task)
    if skipped:
        shown = ", ".join(map(str, skipped[:10])) + (", ..." if len(skipped) > 10 else "")
        log.warning("%s: skipped %d row(s) of %s with no extractable answer (row indices: %s)",
                    source, len(skipped), origin, shown)
    if duplicate_ids:
        log.warning("%s: %d task id(s) of %s occur more than once", source, duplicate_ids, origin)
    if not tasks:
        raise ConfigError(f"{origin} gave no {source} tasks ({len(skipped)} row(s) without an answer). "
                          f"Fix: check that the file has rows in the {source!r} schema.")
    return tasks


# ------------------------------------------------------------ answer extraction
_BOX_COMMANDS = re.compile(r"\\(?:boxed|fbox)(?![A-Za-z])")
_THOUSANDS = re.compile(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)")


def last_boxed(text: str) -> str | None:
    """Content of the last top-level ``\\boxed{...}`` or ``\\fbox{...}`` in ``text``.

    Braces are balanced (``\\boxed{\\frac{1}{\\sqrt{2}}}`` gives
    ``\\frac{1}{\\sqrt{2}}``); escaped braces ``\\{ \\}`` do not count. A box
    nested in another box belongs to the outer one. The brace-less form
    ``\\boxed 5`` gives ``5``. Returns ``None`` when there is no box, or when
    the last box never closes (a truncated solution has no reliable answer).
    """
    found: str | None = None
    pos = 0
    while (match := _BOX_COMMANDS.search(text, pos)) is not None:
        content, pos = _box_argument(text, match.end())
        if content is None:
            return None
        found = content
    return found


def _box_argument(text: str, start: int) -> tuple[str | None, int]:
    """Parse the argument after ``\\boxed`` at ``start``: ``(content, end)``, or ``(None, start)``."""
    i = start
    while i < len(text) and text[i] in " \t\n":
        i += 1
    if i >= len(text):
        return None, start
    if text[i] != "{":  # brace-less form: "\boxed 5" or "\boxed5" (the regex excluded "\boxedfoo")
        token = re.match(r"[^\s$]+", text[i:])
        return (token.group(0), i + token.end()) if token else (None, start)
    depth, j = 0, i
    while j < len(text):
        char = text[j]
        if char == "\\":
            j += 2  # an escaped character (\{, \}, \\) never opens or closes a group
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return text[i + 1:j], j + 1
        j += 1
    return None, start  # unbalanced: the solution is truncated or malformed


def normalize_number(text: str) -> str:
    """Strip whitespace and thousands separators: ``" 1,000 "`` -> ``"1000"``."""
    text = text.strip()
    if _THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    return text


def gsm8k_answer(solution: str) -> str | None:
    """The final answer after the last ``####`` of a GSM8K solution (or a bare number)."""
    if "####" in solution:
        answer = normalize_number(solution.rsplit("####", 1)[1])
        return answer or None
    bare = normalize_number(solution)
    return bare if _NUMBER.fullmatch(bare) else None


def aime_answer(value: Any, where: str) -> str:
    """An AIME answer as the canonical string of an integer in 0..999 (``"033"`` -> ``"33"``)."""
    number: int | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and re.fullmatch(r"\d+", value.strip()):
        number = int(value.strip())
    if number is None or not 0 <= number <= 999:
        raise ConfigError(f"{where}: answer {value!r} is not an AIME answer (an integer from 0 to 999). "
                          "Fix: correct the row, or load non-integer answers with source='math' or 'json'.")
    return str(number)


# --------------------------------------------------------- row converters
def _first(row: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if row.get(key) is not None:
            return row[key]
    return None


def _question(row: dict[str, Any], where: str, keys: tuple[str, ...]) -> Any:
    if all(key not in row for key in keys):
        raise ConfigError(f"{where} has no {' or '.join(repr(k) for k in keys)} column "
                          f"(columns: {sorted(row)}). Fix: pick the source whose schema matches the data.")
    return _first(row, keys)


def _scalar_text(value: Any) -> str | None:
    """A plain answer value as text: ``72.0`` -> ``"72"``, ``"1/2"`` stays."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float, str)):
        return str(value).strip()
    return None


def _from_gsm8k(row: dict[str, Any], where: str) -> tuple[Any, str]:
    question = _question(row, where, ("question",))
    solution = row.get("answer")
    if isinstance(solution, (int, float)) and not isinstance(solution, bool):
        solution = _scalar_text(solution)
    answer = gsm8k_answer(solution) if isinstance(solution, str) else None
    if answer is None:
        raise _NoAnswer
    return question, answer


def _from_math(row: dict[str, Any], where: str) -> tuple[Any, str]:
    question = _question(row, where, ("problem", "question"))
    answer = _scalar_text(row.get("answer"))
    if not answer:
        solution = row.get("solution")
        answer = last_boxed(solution) if isinstance(solution, str) else None
    if answer is None or not answer.strip():
        raise _NoAnswer
    return question, answer


def _from_aime(row: dict[str, Any], where: str) -> tuple[Any, str]:
    question = _question(row, where, ("problem", "question"))
    if row.get("answer") is None:
        raise ConfigError(f"{where} has no 'answer' (columns: {sorted(row)}). "
                          "Fix: AIME rows need an integer answer from 0 to 999.")
    return question, aime_answer(row["answer"], where)


def _from_json(row: dict[str, Any], where: str) -> tuple[Any, str]:
    question = _question(row, where, ("question", "problem"))
    answer = _scalar_text(row.get("answer"))
    if answer is None:
        raise ConfigError(f"{where}: 'answer' must be a string or a number, got {row.get('answer')!r} "
                          f"(columns: {sorted(row)}). Fix: give every row a final answer.")
    return question, answer


_CONVERTERS: dict[str, Callable[[dict[str, Any], str], tuple[Any, str]]] = {
    "gsm8k": _from_gsm8k, "math": _from_math, "aime": _from_aime, "json": _from_json,
}


def _dataset_id(row: dict[str, Any]) -> str | None:
    value = _first(row, ID_KEYS)
    if isinstance(value, bool) or value is None:
        return None
    text = str(value).strip()
    return text or None


# ------------------------------------------------------------------- reading
def _read_rows(source: str, dataset: str | None, split: str) -> tuple[Iterable[dict[str, Any]], str]:
    """The rows to convert and a human-readable name of where they came from."""
    datasets = require("datasets", "math", "Loading math datasets")
    if dataset is not None:
        path = Path(dataset).expanduser()
        if path.exists():
            return _read_local(datasets, path, split), str(path)
        if source == "json" or _looks_like_path(dataset):
            raise ConfigError(f"dataset file or directory {str(path)!r} does not exist "
                              f"(resolved to {str(path.resolve())!r}). "
                              f"Fix: pass an existing .json/.jsonl/.parquet/.csv file or directory via dataset=...")
        return _read_hub(datasets, HubDataset(dataset), split), f"hub dataset {dataset!r}"
    if source == "json":
        raise ConfigError("source='json' needs dataset=<path to a .json or .jsonl file of "
                          "{'question', 'answer'} rows>; got dataset=None")
    hub = HUB_DEFAULTS[source]
    return _read_hub(datasets, hub, split), f"hub dataset {hub.name!r}"


def _looks_like_path(dataset: str) -> bool:
    """A string that names a local file rather than a hub repository (``owner/name``)."""
    return (Path(dataset).suffix.lower() in LOCAL_FORMATS or dataset.startswith((".", "/", "~"))
            or "\\" in dataset or dataset.count("/") > 1)


def _read_hub(datasets: Any, hub: HubDataset, split: str) -> Any:
    real_split = hub.split_aliases.get(split, split)
    if real_split != split:
        log.info("%s has no %r split; reading its %r split", hub.name, split, real_split)
    local_fix = (f"pass a local copy via dataset='path/to/file.jsonl' (or a .json/.parquet/.csv file, or a "
                 f"directory of them), or connect to the internet so that {hub.name!r} can be downloaded")
    try:
        return datasets.load_dataset(hub.name, hub.config, split=real_split)
    except ConnectionError as exc:  # also huggingface_hub's OfflineModeIsEnabled
        raise ConfigError(f"could not download hub dataset {hub.name!r}: the machine is offline or the "
                          f"hub is unreachable ({exc}). Fix: {local_fix}.") from exc
    except FileNotFoundError as exc:  # datasets' DatasetNotFoundError
        raise ConfigError(f"{hub.name!r} is neither an existing local file or directory nor a hub dataset "
                          f"({exc}). Fix: check the spelling, or {local_fix}.") from exc
    except ValueError as exc:
        if "split" in str(exc).lower():
            raise ConfigError(f"hub dataset {hub.name!r} has no split {real_split!r} ({exc}). "
                              "Fix: pass split=<one of its splits>.") from exc
        raise ConfigError(f"could not load hub dataset {hub.name!r}: {exc}") from exc
    except Exception as exc:  # the hub client raises many kinds; all of them mean "no rows"
        raise ConfigError(f"could not load hub dataset {hub.name!r}: {type(exc).__name__}: {exc}. "
                          f"Fix: {local_fix}.") from exc


def _read_local(datasets: Any, path: Path, split: str) -> Any:
    if path.is_dir():
        files = _split_files(path, split)
    else:
        if path.suffix.lower() not in LOCAL_FORMATS:
            raise ConfigError(f"dataset file {str(path)!r} has an unsupported suffix; "
                              f"use one of {', '.join(LOCAL_FORMATS)}")
        files = [path]
    builders = {LOCAL_FORMATS[f.suffix.lower()] for f in files}
    if len(builders) > 1:
        raise ConfigError(f"{str(path)!r} mixes file formats ({', '.join(sorted(builders))}); "
                          "Fix: keep one format per directory or pass a single file.")
    builder = builders.pop()
    options: dict[str, Any] = {}
    if builder == "json":
        fields = {_json_field(f) for f in files}
        if len(fields) > 1:
            raise ConfigError(f"{str(path)!r} mixes JSON files that are lists of rows with files that are "
                              "{'data': [...]} objects. Fix: use one layout for all files.")
        if (field_name := fields.pop()) is not None:
            options["field"] = field_name
    try:
        rows = datasets.load_dataset(builder, data_files=[str(f) for f in files], split="train", **options)
    except Exception as exc:
        if builder == "json":
            # Arrow needs one type per column; hand-written JSON often mixes
            # them ("answer": 12 next to "answer": "\\frac{3}{4}"). Read such
            # files as plain JSON instead, which keeps every value as written.
            log.debug("datasets could not type %s (%s); reading it as plain JSON", path, exc)
            return _read_plain_json(files, options.get("field"))
        raise ConfigError(f"could not read {str(path)!r} as {builder}: {type(exc).__name__}: {exc}. "
                          "Fix: check that the file is valid and holds one object per row.") from exc
    if builder == "json" and any(type(f).__name__ == "Json" for f in rows.features.values()):
        # Newer `datasets` types a mixed column as Json and decodes its strings
        # as JSON ("[0, 1]" -> a list, "007" -> 7): read the values as written.
        log.debug("datasets typed a mixed column of %s as Json; reading it as plain JSON", path)
        return _read_plain_json(files, options.get("field"))
    return rows


def _read_plain_json(files: list[Path], field_name: str | None) -> list[dict[str, Any]]:
    """Rows of JSON / JSON Lines files, read with the standard library."""
    rows: list[Any] = []
    for file in files:
        text = file.read_text(encoding="utf-8")
        if field_name is None and not text.lstrip().startswith("["):  # JSON Lines
            for line_no, line in enumerate(text.splitlines(), start=1):
                if line.strip():
                    rows.append(_parse_json(line, f"{file}:{line_no}"))
            continue
        value = _parse_json(text, str(file))
        value = value.get(field_name) if field_name and isinstance(value, dict) else value
        if not isinstance(value, list):
            raise ConfigError(f"{str(file)!r} must hold a list of row objects, {{'data': [...]}}, or one "
                              f"object per line; got {type(value).__name__}")
        rows.extend(value)
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            raise ConfigError(f"row {index} of {', '.join(map(str, files))} is {type(row).__name__}, not an "
                              "object. Fix: write each row as {'question': ..., 'answer': ...}.")
    return rows


def _parse_json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{where} is not valid JSON ({exc}). Fix: repair the file.") from exc


def _json_field(file: Path) -> str | None:
    """``"data"`` for a ``.json`` file holding one ``{"data": [...]}`` object, else ``None``.

    Lists of rows and JSON Lines need no field. Only a file that starts with
    ``{`` is parsed here, once, to tell an object from JSON Lines.
    """
    if file.suffix.lower() != ".json":
        return None
    with file.open("rb") as handle:
        head = handle.read(64).lstrip()
    if not head.startswith(b"{"):
        return None
    try:
        value = json.loads(file.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None  # JSON Lines (several objects), or broken; the reader reports the latter
    return "data" if isinstance(value, dict) and isinstance(value.get("data"), list) else None


def _split_files(directory: Path, split: str) -> list[Path]:
    """The data files of ``directory`` that belong to ``split``.

    A file belongs to a split when the split's name is a ``-``/``_``/``.``/``/``
    separated token of its path below the directory (``test.jsonl``,
    ``main/test-00000-of-00001.parquet``). If no file names any known split,
    all files are read.
    """
    files = sorted(f for f in directory.rglob("*")
                   if f.is_file() and f.suffix.lower() in LOCAL_FORMATS
                   and not any(part.startswith(".") for part in f.relative_to(directory).parts))
    if not files:
        raise ConfigError(f"directory {str(directory)!r} holds no {'/'.join(LOCAL_FORMATS)} files. "
                          "Fix: point dataset=... at a directory of data files or at one file.")

    def names(f: Path, name: str) -> bool:
        tokens = re.split(r"[-_./\\]", f.relative_to(directory).with_suffix("").as_posix().lower())
        return name.lower() in tokens

    chosen = [f for f in files if names(f, split)]
    if chosen:
        return chosen
    present = sorted({s for s in KNOWN_SPLITS for f in files if names(f, s)})
    if present:
        raise ConfigError(f"directory {str(directory)!r} has files for split(s) {present} but none for "
                          f"split {split!r}. Fix: pass split=<one of {present}>.")
    return files
