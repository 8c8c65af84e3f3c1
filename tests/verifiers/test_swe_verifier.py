"""rlvr.verifiers.swe: pytest results from a sandbox that the tested code cannot forge, and grading."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from rlvr.verifiers.sandbox.testing import backend_or_skip
from rlvr.verifiers.swe import grade, ignored_reason, mangle_nodeid, parse_junit, policy_changes, run_pytest

BUGGY = "def add(a, b):\n    return a - b\n\n\ndef mul(a, b):\n    return a * b\n"
CLEAN = "def add(a, b):\n    return a + b\n\n\ndef mul(a, b):\n    return a * b\n"
VISIBLE = ("from pkg.mod import add, mul\nimport pytest\n\n\ndef test_mul():\n    assert mul(2, 3) == 6\n\n\n"
           "@pytest.mark.parametrize('x', [1, 2])\ndef test_param(x):\n    assert mul(x, 1) == x\n")
HIDDEN = "from pkg.mod import add\n\n\ndef test_add_hidden():\n    assert add(2, 3) == 5\n"
F2P = ("hidden_tests/test_hidden_mod.py::test_add_hidden",)
P2P = ("tests/test_mod.py::test_mul", "tests/test_mod.py::test_param[1]", "tests/test_mod.py::test_param[2]")


def make_task(source: str = BUGGY) -> SimpleNamespace:
    return SimpleNamespace(files={"pkg/__init__.py": "", "pkg/mod.py": source, "tests/test_mod.py": VISIBLE},
                           hidden_files={"hidden_tests/test_hidden_mod.py": HIDDEN},
                           fail_to_pass=F2P, pass_to_pass=P2P)


@pytest.fixture(params=["bwrap", "docker"])
def backend(request):
    backend_or_skip(request.param)
    return request.param


def test_run_pytest_reports_per_test_outcomes(backend):
    task = make_task()
    run = run_pytest({**task.files, **task.hidden_files}, sandbox=backend)
    assert run.status == "ok" and run.exit_code == 1 and run.reported_exit == 1 and not run.problems
    assert run.outcomes == {F2P[0]: "failed", **{i: "passed" for i in P2P}}
    assert not run.all_passed([*F2P, *P2P]) and run.all_passed(list(P2P)) is False  # exit code 1
    assert "test_add_hidden" in run.output  # trusted-side output
    only = run_pytest({**task.files, **task.hidden_files}, list(P2P), sandbox=backend)
    assert only.all_passed(list(P2P)) and set(only.outcomes) == set(P2P)


def test_grade_gold_untouched_and_test_edits(backend):
    task = make_task()
    assert grade(task, task.files, sandbox=backend).reward == 0.0
    gold = grade(task, {**task.files, "pkg/mod.py": CLEAN}, sandbox=backend)
    assert gold.status == "correct" and gold.reward == 1.0, gold
    cheat = {**task.files, "tests/test_mod.py": "def test_mul():\n    pass\n",
             "hidden_tests/test_hidden_mod.py": "def test_add_hidden():\n    pass\n"}
    verdict = grade(task, cheat, sandbox=backend)
    assert verdict.reward == 0.0 and verdict.details["failed"] == 1 and verdict.details["ignored_files"] == 2
    assert "test_add_hidden" not in repr(verdict.to_dict())


def test_policy_changes_filter():
    pristine = {"pkg/__init__.py": "", "pkg/mod.py": "x", "tests/test_a.py": "t", "README.md": "r"}
    work = {"pkg/__init__.py": "", "pkg/mod.py": "y", "pkg/new.py": "n", "tests/test_a.py": "changed",
            "conftest.py": "c", "pkg/conftest.py": "c", "pytest.py": "p", "_pytest/__init__.py": "p",
            "x.pth": "import os", "pkg/evil.pth": "import os", "sitecustomize.py": "s", "pytest.ini": "[pytest]",
            "pkg/test_mine.py": "t", ".git/HEAD": "ref", "pkg/__pycache__/mod.cpython-311.pyc": "b"}
    written, deleted, ignored = policy_changes(pristine, work)
    assert written == {"pkg/mod.py": b"y", "pkg/new.py": b"n"}
    assert deleted == ["README.md"]
    assert "pytest.py" in ignored and "_pytest/__init__.py" in ignored and "tests/test_a.py" in ignored
    assert ignored_reason("pkg/mod.py") is None and ignored_reason("a/tests/x.py")


def test_junit_helpers():
    assert mangle_nodeid("tests/test_x.py::TestA::test_b[1-2]") == ("tests.test_x.TestA", "test_b[1-2]")
    xml = ('<testsuites><testsuite><testcase classname="a" name="t"/><testcase classname="a" name="u">'
           '<failure/></testcase><testcase classname="a" name="t"><error/></testcase></testsuite></testsuites>')
    assert parse_junit(xml) == {("a", "t"): "error", ("a", "u"): "failed"}
    with pytest.raises(ValueError):
        parse_junit('<!DOCTYPE x [<!ENTITY a "b">]><x/>')


EVERY_KIND = '''
import pytest, unittest
def test_pass(): pass
def test_fail(): assert 0
@pytest.mark.skip
def test_skip(): pass
@pytest.mark.xfail
def test_xfail(): assert 0
@pytest.mark.xfail
def test_xpass(): pass
@pytest.mark.xfail(strict=True)
def test_xpass_strict(): pass
@pytest.fixture
def bad():
    raise RuntimeError
def test_setup_error(bad): pass
@pytest.fixture
def bad_teardown():
    yield
    raise RuntimeError
def test_teardown_error(bad_teardown): pass
@pytest.mark.parametrize("x", ["a b", "c::d", "e/f", "x[y]"])
def test_param(x): pass
class TestK:
    def test_m(self): pass
class TestU(unittest.TestCase):
    def test_u(self): self.assertEqual(1, 1)
'''


def test_junit_and_runner_records_agree_on_every_kind_of_outcome(backend):
    """No false 'disagreement' (which would make honest runs untrusted) on pytest 9 (bwrap) and 7 (docker)."""
    run = run_pytest({"tests/test_all.py": EVERY_KIND, "tests/sub/test_all.py": EVERY_KIND}, sandbox=backend)
    assert run.status == "ok" and run.exit_code == 1 == run.reported_exit and run.problems == []
    mine = {k.split("::", 1)[1]: v for k, v in run.outcomes.items() if k.startswith("tests/test_all.py")}
    assert mine == {"test_pass": "passed", "test_fail": "failed", "test_skip": "skipped", "test_xfail": "skipped",
                    "test_xpass": "passed", "test_xpass_strict": "failed", "test_setup_error": "error",
                    "test_teardown_error": "error", "test_param[a b]": "passed", "test_param[c::d]": "passed",
                    "test_param[e/f]": "passed", "test_param[x[y]]": "passed", "TestK::test_m": "passed",
                    "TestU::test_u": "passed"}
    assert len(run.outcomes) == 2 * len(mine)


def test_an_import_hook_left_behind_makes_the_run_untrusted():
    backend_or_skip("bwrap")
    task = make_task(CLEAN + "\nimport sys\n\n\nclass _Finder:\n    def find_spec(self, *args):\n"
                             "        return None\n\n\nsys.meta_path.insert(0, _Finder())\n")
    files = {**task.files, **task.hidden_files}
    strict = run_pytest(files, [*F2P, *P2P])
    assert not strict.all_passed([*F2P, *P2P]) and strict.problems == ["import hooks changed"]
    lenient = run_pytest(files, [*F2P, *P2P], check_import_hooks=False)
    assert lenient.all_passed([*F2P, *P2P])
