"""Running pytest on a repository inside a sandbox, with results the tested code cannot forge.

The code under test runs in the same process as pytest, so nothing pytest
prints or writes can be taken at its word. :func:`run_pytest` therefore:

* starts a trusted runner (``python3 -c RUNNER``, which first drops the
  workdir from ``sys.path`` and puts it back only after pytest and every
  ``_pytest`` module are imported, so a ``pytest.py`` or ``_pytest/`` in the
  tree cannot replace the test runner) that reads a fresh random nonce and
  the test ids from stdin;
* neutralises configuration from the tree: ``-c /dev/null`` (no
  pytest.ini/tox.ini/setup.cfg/pyproject.toml), ``-p no:cacheprovider``,
  ``PYTEST_DISABLE_PLUGIN_AUTOLOAD``, ``--rootdir`` = the workdir, no
  bytecode written (``-B``), ``-E`` (no ``PYTHON*`` variables);
* has pytest write JUnit XML into a fresh ``0700`` directory under the
  sandbox's private ``/tmp`` (outside the tree), reads it back right after
  ``pytest.main`` returns and sends it, with the exit code and the runner's
  own per-test records (a plugin registered before any tested code ran), to
  the trusted parent on a duplicate of stdout framed by the nonce, then
  leaves with ``os._exit`` (no atexit hook of the tested code runs after);
* checks that the tested code did not replace pytest's or pluggy's functions,
  register plugins of its own or leave import hooks behind.

The parent parses the XML itself and keeps a test as ``passed`` only if the
XML and the runner's records agree. :meth:`PytestRun.all_passed` then also
requires the sandbox's exit code, the exit code the runner reported and the
nonce-framed record to agree. ``os._exit(0)`` during import, printed "N
passed" lines, a forged XML file or a ``--co`` ini therefore all fail.

Limits of the design: the tested code runs in the runner's process and could,
knowing rlvr's runner in detail, find the nonce in memory. It never sees the
grading run's output (the verdict shows counts only), so it gets no feedback
to learn that from.
"""

from __future__ import annotations

import functools
import json
import re
import secrets
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any, Sequence

from rlvr.core.errors import ConfigError
from rlvr.verifiers.sandbox.base import Limits

#: Distributions (with their dependencies) the bwrap sandbox exposes for pytest.
PYTEST_PACKAGES = ("pytest",)
Outcome = str  # "passed" | "failed" | "error" | "skipped"
_RANK = {"passed": 0, "skipped": 1, "failed": 2, "error": 3}
OUTPUT_TAIL_CHARS = 200_000

# The trusted runner, executed inside the sandbox as `python3 -E -s -B -c RUNNER` (Python >= 3.6).
RUNNER = r'''
import os, sys
sys.path[:] = [p for p in sys.path if p not in ("", ".", os.getcwd())]
import json
_write, _exit, _dup = os.write, os._exit, os.dup
_out = _dup(1)
_cfg = json.loads(sys.stdin.buffer.read().decode("utf-8"))
_mark = _cfg["nonce"]

def _emit(obj):
    data = ("\n" + _mark + json.dumps(obj) + _mark + "\n").encode("utf-8", "replace")
    while data:
        data = data[_write(_out, data):]

try:
    import importlib, pkgutil, tempfile
    import pluggy, pytest, _pytest
    for _info in pkgutil.iter_modules(_pytest.__path__):
        try:
            importlib.import_module("_pytest." + _info.name)
        except Exception:
            pass
    import _pytest.junitxml
except BaseException as exc:
    _emit({"runner_error": "could not import pytest: " + repr(exc)[:500]})
    _exit(70)

def _snapshot():
    snap = {}
    for name, mod in list(sys.modules.items()):
        if mod is None or name.split(".")[0] not in ("pytest", "_pytest", "pluggy"):
            continue
        for attr, val in list(vars(mod).items()):
            if getattr(val, "__module__", None) != name:
                continue
            if isinstance(val, type):
                snap[(name, attr)] = val
                for key, meth in list(vars(val).items()):
                    if callable(meth) or isinstance(meth, (staticmethod, classmethod, property)):
                        snap[(name, attr, key)] = meth
                        code = getattr(getattr(meth, "__func__", meth), "__code__", None)
                        if code is not None:
                            snap[(name, attr, key, "\0code")] = code
            elif callable(val):
                snap[(name, attr)] = val
                code = getattr(val, "__code__", None)
                if code is not None:
                    snap[(name, attr, "\0code")] = code
    return snap

def _current(key):
    obj = sys.modules.get(key[0])
    for part in key[1:]:
        if part == "\0code":
            obj = getattr(getattr(obj, "__func__", obj), "__code__", None)
        else:
            obj = (vars(obj) if isinstance(obj, type) else vars(obj)).get(part) if obj is not None else None
    return obj

_records = {}
_conftests = {os.path.realpath(os.path.join(os.getcwd(), p)) for p in _cfg["conftests"]}

class _Recorder:
    config = None

    @pytest.hookimpl(tryfirst=True)
    def pytest_configure(self, config):
        self.config = config

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_logreport(self, report):
        phases = _records.setdefault(report.nodeid, {})
        if report.when in phases and phases[report.when] != "passed":
            return
        phases[report.when] = report.outcome

_recorder = _Recorder()
_workdir = os.getcwd()
_tmp = tempfile.mkdtemp(prefix="junit-")
_xml = os.path.join(_tmp, "results.xml")
_args = ["-c", os.devnull, "--rootdir", _workdir, "-p", "no:cacheprovider", "-p", "no:stepwise",
         "--junitxml", _xml, "-o", "junit_logging=no",
         "-o", "console_output_style=classic", "--tb=short", "-q", "-rN",
         "--continue-on-collection-errors"]
if _cfg["import_mode"] != "prepend":  # pytest < 6 knows no --import-mode; prepend is its only mode
    _args += ["--import-mode", _cfg["import_mode"]]
_args += list(_cfg["ids"]) if _cfg["ids"] else list(_cfg["paths"])
_before = _snapshot()
_meta_path, _path_hooks = list(sys.meta_path), list(sys.path_hooks)
sys.path.insert(0, _workdir)
_problems = []
try:
    _code = int(pytest.main(_args, plugins=[_recorder]))
except BaseException as exc:
    _code = 99
    _problems.append("pytest.main raised " + type(exc).__name__)
for _key, _val in _before.items():
    if _current(_key) is not _val:
        _problems.append("replaced " + ".".join(_key))
        break
if _cfg.get("check_import_hooks", True) and (
        [id(m) for m in sys.meta_path] != [id(m) for m in _meta_path] or
        [id(h) for h in sys.path_hooks] != [id(h) for h in _path_hooks]):
    _problems.append("import hooks changed")
_config = _recorder.config
if _config is not None:
    for _plugin in _config.pluginmanager.get_plugins():
        if _plugin is _recorder or _plugin is _config:
            continue
        if isinstance(_plugin, type(os)):
            _name, _file = _plugin.__name__, getattr(_plugin, "__file__", None)
        elif isinstance(_plugin, type):
            _name, _file = _plugin.__module__, None
        else:
            _name, _file = type(_plugin).__module__, None
        if str(_name).split(".")[0] in ("_pytest", "pytest", "pluggy"):
            continue
        if _file and os.path.realpath(_file) in _conftests:
            continue
        _problems.append("unexpected plugin " + str(_name)[:80])
        break
try:
    with open(_xml, "rb") as fh:
        _junit = fh.read(16 << 20).decode("utf-8", "replace")
except OSError:
    _junit = None
for _stream in (sys.stdout, sys.stderr):
    try:
        _stream.flush()
    except BaseException:
        pass
_emit({"exit_code": _code, "records": _records, "junit": _junit, "problems": _problems})
_exit(_code if 0 <= _code < 256 else 99)
'''


@dataclass
class PytestRun:
    """The outcome of one pytest run in a sandbox, as established by the trusted parent.

    Attributes:
        outcomes: Node id (``"tests/test_x.py::test_y"``) -> ``"passed"``,
            ``"failed"``, ``"error"`` or ``"skipped"``; a test is ``"passed"``
            only if pytest's JUnit XML and the runner's own records agree.
            Tests that never ran (collection error, crash) are absent.
        exit_code: The sandboxed process's exit code (pytest's: 0 all passed,
            1 some failed, 2 interrupted, 5 none collected), ``None`` if killed.
        status: The sandbox's :data:`~rlvr.verifiers.sandbox.base.RunStatus`.
        output: Tail of pytest's output, for the trusted side only (it may
            contain hidden test names; never show it to the policy).
        wall_s: Wall-clock seconds of the sandboxed run.
        reported_exit: The exit code the runner reported in its nonce-framed
            record (``None``: no record, e.g. the tested code exited early).
        problems: Why the results cannot be trusted (tampering, disagreement
            between the XML and the runner's records); empty when clean.
        infra_error: Set when the sandbox or the runner failed before any
            tested code ran (not the policy's doing).
    """

    outcomes: dict[str, Outcome]
    exit_code: int | None
    status: str
    output: str
    wall_s: float
    reported_exit: int | None = None
    problems: list[str] = field(default_factory=list)
    infra_error: str | None = None

    @property
    def trusted(self) -> bool:
        """The run ended by itself, reported through the nonce channel, and nothing was tampered."""
        return (self.status == "ok" and self.infra_error is None and not self.problems
                and self.reported_exit is not None and self.reported_exit == self.exit_code)

    def all_passed(self, ids: Sequence[str]) -> bool:
        """Whether every test in ``ids`` passed and the exit code says so too (fails closed)."""
        return (self.trusted and self.exit_code == 0 and bool(ids)
                and all(self.outcomes.get(i) == "passed" for i in ids))

    def failing(self, ids: Sequence[str]) -> list[str]:
        """The ids in ``ids`` that did not pass (missing ones included)."""
        return [i for i in ids if self.outcomes.get(i) != "passed"]


def mangle_nodeid(nodeid: str) -> tuple[str, str]:
    """The JUnit ``(classname, name)`` pytest's junitxml plugin writes for a node id."""
    path, bracket, params = nodeid.partition("[")
    names = path.split("::")
    names[0] = re.sub(r"\.py$", "", names[0].replace("/", "."))
    names[-1] += bracket + params
    return ".".join(names[:-1]), names[-1]


def parse_junit(xml_text: str) -> dict[tuple[str, str], Outcome]:
    """``(classname, name) -> outcome`` from JUnit XML (the worst outcome when a case repeats).

    Raises:
        ValueError: The text is not JUnit XML.
    """
    if "<!DOCTYPE" in xml_text or "<!ENTITY" in xml_text:
        raise ValueError("JUnit XML must not declare a DOCTYPE or entities")
    root = ET.fromstring(xml_text)
    out: dict[tuple[str, str], Outcome] = {}
    for case in root.iter("testcase"):
        key = (case.get("classname", ""), case.get("name", ""))
        tags = {child.tag for child in case}
        outcome = ("error" if "error" in tags else "failed" if "failure" in tags
                   else "skipped" if "skipped" in tags else "passed")
        if key not in out or _RANK[outcome] > _RANK[out[key]]:
            out[key] = outcome
    return out


def _record_outcome(phases: dict[str, str]) -> Outcome:
    for when in ("setup", "call", "teardown"):
        if phases.get(when) == "failed":
            return "failed" if when == "call" else "error"
    if "skipped" in (phases.get("setup"), phases.get("call")):
        return "skipped"
    return "passed" if phases.get("call") == "passed" else "error"


def _import_mode(paths: Sequence[str]) -> str:
    """``prepend`` (pytest's default) unless two test modules share a basename outside packages."""
    packages = {p.rsplit("/", 1)[0] for p in paths if p.endswith("/__init__.py")}
    seen: set[str] = set()
    for path in paths:
        if not path.endswith(".py") or "/" not in path:
            continue
        directory, base = path.rsplit("/", 1)
        if not (base.startswith("test_") or base.endswith("_test.py")) or directory in packages:
            continue
        if base in seen:
            return "importlib"
        seen.add(base)
    return "prepend"


@functools.lru_cache(maxsize=4)
def _default_sandbox(kind: str):
    from rlvr.verifiers.sandbox import get_sandbox

    if kind == "bwrap":
        return get_sandbox("bwrap", python_packages=PYTEST_PACKAGES)
    return get_sandbox(kind)


def pytest_sandbox(sandbox: Any = None):
    """The sandbox :func:`run_pytest` uses: an object as is, or a backend name (default bwrap).

    Named bwrap sandboxes expose only the pytest distribution and its
    dependencies (read-only, in the masked site-packages); docker uses the
    image's own pytest.
    """
    if sandbox is None or sandbox == "auto":
        sandbox = "bwrap"
    if isinstance(sandbox, str):
        if sandbox not in ("bwrap", "docker", "process"):
            raise ConfigError(f"sandbox must be 'bwrap', 'docker', 'process' or a sandbox object, "
                              f"got {sandbox!r}")
        return _default_sandbox(sandbox)
    return sandbox


def run_pytest(files: dict[str, str | bytes], test_ids: Sequence[str] | None = None, *,
               sandbox: Any = None, timeout_s: float = 60.0, memory_mb: int = 1024,
               check_import_hooks: bool = True) -> PytestRun:
    """Run pytest on ``files`` in a fresh sandbox and establish per-test outcomes.

    Args:
        files: The whole tree (relative path -> content): package and tests.
        test_ids: Node ids to run (``"tests/test_x.py::test_y"``); ``None``
            runs every test file in the tree.
        sandbox: ``None``/``"bwrap"`` (default), ``"docker"``, ``"process"``
            or a sandbox object whose ``python3`` can import pytest.
        timeout_s: Wall-clock bound of the whole run (and its CPU seconds).
        memory_mb: Address-space bound of the run.
        check_import_hooks: Distrust a run that leaves an import hook behind
            (a finder added to ``sys.meta_path`` could rewrite test modules).

    Returns:
        A :class:`PytestRun`; use :meth:`PytestRun.all_passed` to decide.
    """
    if not isinstance(files, dict) or not files:
        raise ConfigError("files must be a non-empty dict of relative path -> source")
    if test_ids is not None and (isinstance(test_ids, str) or not all(isinstance(i, str) for i in test_ids)):
        raise ConfigError(f"test_ids must be a list of pytest node ids or None, got {test_ids!r}")
    box = pytest_sandbox(sandbox)
    call = runner_call(files, test_ids, timeout_s=timeout_s, memory_mb=memory_mb,
                       check_import_hooks=check_import_hooks)
    start = time.monotonic()
    result = box.run(call.argv, files=files, stdin=call.stdin, limits=call.limits, env=call.env)
    return interpret(result, call.nonce, test_ids, wall_s=time.monotonic() - start)


@dataclass(frozen=True)
class RunnerCall:
    """How to start :data:`RUNNER` in a sandbox or session: argv, stdin, env, limits, nonce."""

    argv: list[str]
    stdin: str
    env: dict[str, str]
    limits: Limits
    nonce: str


def runner_call(paths: Sequence[str], test_ids: Sequence[str] | None, *, timeout_s: float = 60.0,
                memory_mb: int = 1024, import_mode: str | None = None, python: str = "python3",
                check_import_hooks: bool = True) -> RunnerCall:
    """A fresh runner invocation for a tree holding ``paths`` (relative to the sandbox workdir).

    ``check_import_hooks=False`` tolerates import hooks left in ``sys.meta_path``
    (third-party repositories whose dependencies install one, such as ``six``).
    """
    paths = sorted(paths)
    test_paths = sorted({p for p in paths if p.endswith(".py") and
                         (p.rsplit("/", 1)[-1].startswith("test_") or p.endswith("_test.py"))})
    conftests = [p for p in paths if p.rsplit("/", 1)[-1] == "conftest.py"]
    nonce = "RLVR" + secrets.token_hex(16)
    cfg = {"nonce": nonce, "ids": list(test_ids or []), "paths": test_paths or ["."],
           "conftests": conftests, "import_mode": import_mode or _import_mode(paths),
           "check_import_hooks": bool(check_import_hooks)}
    limits = Limits(wall_s=timeout_s, cpu_s=timeout_s, memory_mb=memory_mb, max_procs=64,
                    file_size_mb=64, open_files=256, output_bytes=8 << 20, disk_mb=512)
    env = {"PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1", "PY_COLORS": "0", "COLUMNS": "120"}
    return RunnerCall([python, "-c", RUNNER], json.dumps(cfg), env, limits, nonce)


def interpret(result: Any, nonce: str, test_ids: Sequence[str] | None, wall_s: float) -> PytestRun:
    """Turn a sandbox :class:`RunResult` of :data:`RUNNER` into a :class:`PytestRun`."""
    stdout = result.stdout.decode("utf-8", "replace")
    stderr = result.stderr.decode("utf-8", "replace")
    pattern = re.compile(re.escape(nonce) + r"(.*?)" + re.escape(nonce), re.DOTALL)
    records = [m.group(1) for m in pattern.finditer(stdout)]
    output = pattern.sub("", stdout)
    output = (output[-OUTPUT_TAIL_CHARS:] + ("\n[stderr]\n" + stderr[-2000:] if stderr.strip() else ""))
    run = PytestRun({}, result.exit_code, result.status, output, wall_s or result.wall_s)
    if result.status == "error":
        run.infra_error = result.detail or "the sandbox failed"
        return run
    if len(records) != 1:
        if records:
            run.problems.append(f"{len(records)} result records")
        return run
    try:
        record = json.loads(records[0])
    except ValueError:
        run.problems.append("unreadable result record")
        return run
    if "runner_error" in record:
        run.infra_error = str(record["runner_error"])
        return run
    run.reported_exit = record.get("exit_code")
    run.problems += [str(p) for p in record.get("problems") or []]
    phases_by_id: dict[str, dict[str, str]] = record.get("records") or {}
    mine = {nodeid: _record_outcome(phases) for nodeid, phases in phases_by_id.items()}
    try:
        xml = parse_junit(record["junit"]) if record.get("junit") else None
    except (ValueError, ET.ParseError) as exc:
        run.problems.append(f"JUnit XML unreadable ({str(exc)[:80]})")
        xml = None
    if xml is None:
        run.problems.append("no JUnit XML")
        return run
    for nodeid in set(mine) | set(test_ids or ()):
        theirs = xml.get(mangle_nodeid(nodeid))
        ours = mine.get(nodeid)
        if ours is None and theirs is None:
            continue
        if ours != theirs:
            worst = max((o for o in (ours, theirs) if o is not None), key=_RANK.__getitem__)
            run.outcomes[nodeid] = worst if worst != "passed" else "error"
            run.problems.append(f"JUnit XML and runner disagree on a test ({theirs} vs {ours})")
        else:
            run.outcomes[nodeid] = ours
    return run
