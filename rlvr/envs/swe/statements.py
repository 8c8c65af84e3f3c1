"""Problem statements that read like issue reports, written from the failing behaviour.

The statement of a generated task is built only from *behaviour*: the one-line
docstring of each chosen failing test (what should happen, with concrete
inputs) and the value the buggy code produced instead, taken from pytest's
assertion message (``assert '[none]' == '[]'`` -> the observed ``'[none]'``) or
the exception it raised. It never contains test code, test names, test file
paths or the diff; :func:`find_leaks` checks that, and task generation drops a
statement that fails the check. Visible failing tests are preferred; a hidden
test is described only when no visible test shows the bug, and its docstring is
reworded ("gives" -> "should give") rather than quoted.

Wording varies deterministically with the seed over a few templates.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

import numpy as np

MAX_OBSERVED_CHARS = 160


@dataclass(frozen=True)
class Behaviour:
    """One failing behaviour to report.

    Attributes:
        test_id: Pytest node id (for bookkeeping only; never written into the text).
        expected: The test's docstring: expected behaviour with concrete values.
        observed: What happened instead (``"the result is '[none]'"``), or ``None`` if unknown.
        hidden: Whether the test is hidden from the policy.
    """

    test_id: str
    expected: str
    observed: str | None
    hidden: bool


# ---------------------------------------------------------------------------
# Reading tests and pytest output.

def test_docstrings(files: Mapping[str, str]) -> dict[str, str]:
    """``{node id without parameters: first docstring line}`` for every test in the test modules of ``files``."""
    out: dict[str, str] = {}
    for path, text in files.items():
        base = path.rsplit("/", 1)[-1]
        if not (path.endswith(".py") and base.startswith("test_")):
            continue
        try:
            tree = ast.parse(text)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
                out[f"{path}::{node.name}"] = _first_line(ast.get_docstring(node))
            elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
                for item in node.body:
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name.startswith("test"):
                        out[f"{path}::{node.name}::{item.name}"] = _first_line(ast.get_docstring(item))
    return out


def test_names(files: Mapping[str, str]) -> set[str]:
    """Names of every test function and test class in ``files`` (for leak checks)."""
    names: set[str] = set()
    for test_id in test_docstrings(files):
        names.update(test_id.split("::")[1:])
    return names


def _first_line(doc: str | None) -> str:
    return " ".join((doc or "").strip().split("\n\n")[0].split())


def docstring_for(test_id: str, docstrings: Mapping[str, str]) -> str:
    """The docstring of a (possibly parametrized) node id."""
    return docstrings.get(test_id.split("[", 1)[0], "")


_HEADER = re.compile(r"^_{3,} (.+?) _{3,}$")
_LOCATION = re.compile(r"^([^\s:]+\.py):\d+: in (\S+)")


def failure_sections(output: str) -> dict[str, list[str]]:
    """``{node id: the section's "E" lines}`` parsed from pytest ``--tb=short`` output."""
    sections: dict[str, list[str]] = {}
    current: str | None = None
    header = ""
    for raw in output.splitlines():
        line = raw.rstrip()
        match = _HEADER.match(line)
        if match:
            header, current = match.group(1), None
            if header.startswith(("FAILURES", "ERRORS", "warnings summary", "short test summary")):
                header = ""
            continue
        if header and current is None:
            loc = _LOCATION.match(line)
            if loc:
                name, _, params = header.partition("[")
                current = loc.group(1) + "::" + name.replace(".", "::") + (f"[{params}" if params else "")
                sections[current] = []
                continue
        if current is not None and line.startswith("E "):
            sections[current].append(line[1:].strip())
        elif line.startswith("=") and current is not None:
            current, header = None, ""
    return sections


def observed_from(e_lines: Sequence[str]) -> str | None:
    """What the code did, from a failure's ``E`` lines (``None`` when it cannot be told from values alone)."""
    if not e_lines:
        return None
    first = e_lines[0]
    assertion = re.match(r"^(?:AssertionError: )?assert (.+)$", first)
    if assertion:
        return _observed_from_assert(assertion.group(1))
    if first.startswith("Failed: DID NOT RAISE"):
        return "no error is raised"
    if first.startswith("AssertionError"):
        return None  # a message written by the test: not a value the code produced
    exc_line = next((ln for ln in reversed(e_lines) if re.match(r"^[A-Za-z_][\w.]*(?::|$)", ln)), None)
    if exc_line is None:
        return None
    name, _, message = exc_line.partition(":")
    if not re.search(r"(Error|Exception|Exit|Interrupt|Iteration)$", name.split(".")[-1]):
        return None
    message = message.strip()
    return f"it raises `{name}: {_clip(message)}`" if message else f"it raises `{name}`"


def _observed_from_assert(expr: str) -> str | None:
    try:
        tree = ast.parse(expr, mode="eval").body
    except SyntaxError:
        left, sep, _ = expr.partition(" == ")
        return f"the result is `{_clip(left)}`" if sep else None
    if isinstance(tree, ast.Compare) and len(tree.ops) == 1:
        op = tree.ops[0]
        left = ast.get_source_segment(expr, tree.left) or ""
        right = ast.get_source_segment(expr, tree.comparators[0]) or ""
        if isinstance(op, (ast.Eq, ast.Is, ast.Lt, ast.LtE, ast.Gt, ast.GtE)):
            return f"the result is `{_clip(left)}`"
        if isinstance(op, (ast.In, ast.NotIn)):
            return f"the result is `{_clip(right)}`"
        if isinstance(op, (ast.NotEq, ast.IsNot)):
            return f"the result is still `{_clip(left)}`"
    return None


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_OBSERVED_CHARS else text[:MAX_OBSERVED_CHARS - 3] + "..."


# ---------------------------------------------------------------------------
# Writing the statement.

_VERBS = (("gives", "should give"), ("returns", "should return"), ("raises", "should raise"),
          ("yields", "should yield"), ("produces", "should produce"), ("is", "should be"),
          ("are", "should be"), ("equals", "should equal"), ("becomes", "should become"),
          ("has", "should have"), ("keeps", "should keep"), ("reports", "should report"),
          ("lists", "should list"), ("matches", "should match"), ("renders", "should render"),
          ("contains", "should contain"), ("fails", "should fail"), ("rejects", "should reject"),
          ("accepts", "should accept"), ("converts", "should convert"), ("stays", "should stay"),
          ("selects", "should select"), ("counts", "should count"), ("finds", "should find"),
          ("includes", "should include"), ("skips", "should skip"), ("works", "should work"),
          ("costs", "should cost"), ("leaves", "should leave"), ("lies", "should lie"), ("fills", "should fill"),
          ("asks", "should ask"), ("takes", "should take"), ("sorts", "should sort"), ("gets", "should get"),
          ("reads", "should read"), ("parses", "should parse"), ("expands", "should expand"),
          ("comes", "should come"), ("carries", "should carry"), ("splits", "should split"),
          ("joins", "should join"), ("turns", "should turn"), ("prints", "should print"),
          ("evaluates", "should evaluate"), ("resolves", "should resolve"), ("formats", "should format"),
          ("rounds", "should round"), ("falls", "should fall"), ("occurs", "should occur"),
          ("repeats", "should repeat"), ("recurs", "should recur"), ("stops", "should stop"),
          ("ignores", "should ignore"), ("preserves", "should preserve"), ("removes", "should remove"),
          ("adds", "should add"), ("creates", "should create"), ("describes", "should describe"))
_VERB_MAP = dict(_VERBS)
_WORD = re.compile(r"\b(" + "|".join(re.escape(v) for v, _ in _VERBS) + r")\b")


def expectation(docstring: str) -> str:
    """The docstring as an expectation: its main verb outside quotes becomes "should ..."."""
    text = docstring.strip().rstrip(".")
    quoted = _quoted_spans(text)
    for match in _WORD.finditer(text):
        if any(a <= match.start() < b for a, b in quoted):
            continue
        return text[:match.start()] + _VERB_MAP[match.group(1)] + text[match.end():] + "."
    return f"Expected: {text}."


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        c = text[i]
        prev = text[i - 1] if i else " "
        if c in "'\"`" and not (c == "'" and prev.isalnum()):
            end = text.find(c, i + 1)
            if end < 0:
                break
            spans.append((i, end + 1))
            i = end + 1
        else:
            i += 1
    return spans


_TITLES = (
    "{package}: wrong results in some cases",
    "Unexpected behaviour in {package}",
    "{package} does not behave as documented",
    "Bug report: {package} gives incorrect output",
    "Regression in {package}",
)
_INTROS = (
    "I'm using `{package}` ({description_lc}) and ran into behaviour that looks wrong.",
    "Some operations of `{package}` do not do what they are supposed to do.",
    "While working with `{package}` I noticed results that do not match the documented behaviour.",
    "`{package}` ({description_lc}) misbehaves in the cases below.",
)
_ITEM_STYLES = ("expected_actual", "numbered", "prose")
_CLOSINGS = (
    "Everything else I tried works as expected, so please fix this without changing other behaviour.",
    "Could you take a look? The rest of the package should keep working as it does now.",
    "",
    "Thanks! Please keep the existing behaviour of everything else intact.",
)


def write_statement(package: str, description: str, behaviours: Sequence[Behaviour], seed: int) -> str:
    """An issue-style problem statement for the given failing behaviours.

    Args:
        package: The package's import name (shown to the policy anyway).
        description: One sentence on what the package does.
        behaviours: The failing behaviours to report (at least one).
        seed: Picks the title, intro, item style and closing.

    Raises:
        ValueError: ``behaviours`` is empty.
    """
    if not behaviours:
        raise ValueError("write_statement needs at least one failing behaviour to report")
    rng = np.random.default_rng([int(seed), 7])
    desc = description.strip().rstrip(".")
    fields = {"package": package, "description_lc": (desc[:1].lower() + desc[1:]) if desc else package}
    title = _TITLES[int(rng.integers(len(_TITLES)))].format(**fields)
    intro = _INTROS[int(rng.integers(len(_INTROS)))].format(**fields)
    style = _ITEM_STYLES[int(rng.integers(len(_ITEM_STYLES)))]
    closing = _CLOSINGS[int(rng.integers(len(_CLOSINGS)))]
    items = []
    for n, behaviour in enumerate(behaviours, 1):
        expected = expectation(behaviour.expected) if behaviour.expected else "It should work as documented."
        observed = behaviour.observed
        if style == "expected_actual":
            plain = behaviour.expected.strip().rstrip(".") if behaviour.expected and not behaviour.hidden \
                else expected.rstrip(".")
            item = f"- Expected: {plain}.\n  Actual: {_sentence(observed) if observed else 'it does not.'}"
        elif style == "numbered":
            item = f"{n}. {expected}" + (f" Instead, {observed}." if observed else " It does not.")
        else:
            item = f"{expected}" + (f" But {observed}." if observed else " That is not what happens.")
        items.append(item)
    joiner = "\n\n" if style == "prose" else "\n"
    parts = [f"# {title}", intro, joiner.join(items)]
    if closing:
        parts.append(closing)
    return "\n\n".join(parts) + "\n"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


# ---------------------------------------------------------------------------
# Leak checks.

def find_leaks(statement: str, *, test_files: Mapping[str, str], gold_patch: str = "",
               hidden_paths: Iterable[str] = ()) -> list[str]:
    """Reasons the statement gives away tests or the fix (empty when clean).

    Checks for: any test function or class name, any test file path or module
    name, any line of test code (12+ characters, docstrings excluded), and any
    changed line of the gold patch (12+ characters).
    """
    leaks: list[str] = []
    lowered = statement.lower()
    for name in sorted(test_names(test_files)):
        if re.search(r"(?<![\w])" + re.escape(name.lower()) + r"(?![\w])", lowered):
            leaks.append(f"test name {name!r}")
    for path in sorted(set(test_files) | set(hidden_paths)):
        stem = path.rsplit("/", 1)[-1].removesuffix(".py")
        if path in statement or stem in statement:
            leaks.append(f"test file {path!r}")
    if "hidden_tests" in statement:
        leaks.append("the hidden test directory")
    for line in _code_lines(test_files):
        if line in statement:
            leaks.append(f"test code {line[:40]!r}")
    for line in gold_patch.splitlines():
        if line[:1] in "+-" and not line.startswith(("+++", "---")):
            body = line[1:].strip()
            if len(body) >= 12 and body in statement:
                leaks.append(f"patch line {body[:40]!r}")
    return leaks


def _code_lines(files: Mapping[str, str]) -> set[str]:
    lines: set[str] = set()
    for path, text in files.items():
        if not path.endswith(".py"):
            continue
        doc_lines: set[int] = set()
        try:
            for node in ast.walk(ast.parse(text)):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Module)) \
                        and node.body and isinstance(node.body[0], ast.Expr) \
                        and isinstance(node.body[0].value, ast.Constant) \
                        and isinstance(node.body[0].value.value, str):
                    doc_lines.update(range(node.body[0].lineno, node.body[0].end_lineno + 1))
        except SyntaxError:
            pass
        for lineno, line in enumerate(text.splitlines(), 1):
            stripped = line.strip()
            if lineno not in doc_lines and len(stripped) >= 12 and not stripped.startswith("#"):
                lines.add(stripped)
    return lines
