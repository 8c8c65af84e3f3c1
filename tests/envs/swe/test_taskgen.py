"""SWE-v0 task generation: repos, candidate evaluation, generation on a fixture repo, statements, the shipped tasks."""

from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path

import pytest

from rlvr.core.errors import ConfigError
from rlvr.envs.swe import statements, taskgen
from rlvr.envs.swe.mutators import apply_sites, find_sites
from rlvr.envs.swe.repos import REPOS_DIR, is_test_path, list_repos, load_repo
from rlvr.envs.swe.task import SweTask, apply_patch
from rlvr.verifiers.sandbox.testing import backend_or_skip

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "swe"
SHIPPED = taskgen.DEFAULT_OUT


@pytest.fixture(scope="module")
def mini():
    return load_repo("minirepo", FIXTURES)


@pytest.fixture(scope="module")
def bwrap():
    return backend_or_skip("bwrap")


def mutant(repo, path: str, function: str, kind: str, index: int = 0, contains: str = "") -> dict[str, str]:
    """The whole clean tree with one mutation of ``kind`` in ``function`` (the ``index``-th matching ``contains``)."""
    sites = [s for s in find_sites(repo.source[path], [kind]) if s.function == function and contains in s.description]
    return {**repo.all_files, path: apply_sites(repo.source[path], [sites[index]])}


# --- repos -------------------------------------------------------------------

def test_fixture_repo_loads_with_visible_hidden_split(mini):
    """minirepo: 4 modules, 2 visible test files, 1 hidden; the workspace has no hidden test."""
    assert list_repos(FIXTURES) == ["minirepo"]
    assert mini.package == "minicalc" and mini.modules == [
        "minicalc/__init__.py", "minicalc/arith.py", "minicalc/stats.py", "minicalc/text.py"]
    assert sorted(mini.visible_tests) == ["tests/test_arith.py", "tests/test_text.py"]
    assert sorted(mini.hidden_tests) == ["hidden_tests/test_minicalc_hidden.py"]
    assert not set(mini.workspace_files) & set(mini.hidden_files)
    assert set(mini.all_files) == set(mini.workspace_files) | set(mini.hidden_files)
    assert "repo.json" not in mini.all_files
    assert is_test_path("tests/test_arith.py") and not is_test_path("minicalc/arith.py")


def test_content_hash_follows_the_files(tmp_path, mini):
    """The hash is stable for the same files and changes when one character of a test changes."""
    shutil.copytree(FIXTURES / "minirepo", tmp_path / "minirepo")
    copy = load_repo("minirepo", tmp_path)
    assert copy.content_hash == mini.content_hash
    hidden = tmp_path / "minirepo" / "hidden_tests" / "test_minicalc_hidden.py"
    hidden.write_text(hidden.read_text().replace("gives 10", "gives 10!"))
    assert load_repo("minirepo", tmp_path).content_hash != mini.content_hash


def test_unknown_repo_is_a_config_error():
    """Loading a repo that does not exist names the available ones."""
    with pytest.raises(ConfigError, match="available"):
        load_repo("no-such-repo", FIXTURES)


def test_bundled_repos_are_listed():
    """Every bundled repo has a package with modules and both visible and hidden tests."""
    names = list_repos()
    assert len(names) >= 8, names
    for name in names:
        repo = load_repo(name)
        assert 3 <= len([m for m in repo.modules if not m.endswith("__init__.py")]) <= 10, name
        assert repo.visible_tests and repo.hidden_tests, name


# --- evaluating candidates ------------------------------------------------------

def test_evaluate_keeps_a_real_bug_and_drops_an_equivalent_mutant(mini, bwrap):
    """A flipped comparison in clamp fails the hidden clamp test (F2P) and leaves others passing (P2P);
    a mutation of a function no test calls is equivalent and dropped."""
    clean = taskgen._run_pytest(mini.all_files, None, None, 30)
    ids = sorted(clean.outcomes)
    assert clean.all_passed(ids) and len(ids) == 14

    ev = taskgen.evaluate(mutant(mini, "minicalc/arith.py", "clamp", "flip_operator", 1), ids)
    assert ev.status == "kept", ev
    assert "hidden_tests/test_minicalc_hidden.py::test_clamp_high" in ev.fail_to_pass
    assert ev.pass_to_pass and not set(ev.fail_to_pass) & set(ev.pass_to_pass)
    assert sorted(ev.fail_to_pass + ev.pass_to_pass) == ids

    eq = taskgen.evaluate(mutant(mini, "minicalc/arith.py", "unused_helper", "flip_operator"), ids)
    assert eq.status == "equivalent" and not eq.fail_to_pass


def test_evaluate_drops_a_looping_mutant_by_timeout(mini, bwrap):
    """countdown without its `i -= 1` never ends: the run hits the time bound and the mutant is dropped."""
    clean_ids = ["tests/test_arith.py::test_countdown", "tests/test_arith.py::test_add"]
    tree = mutant(mini, "minicalc/arith.py", "countdown", "drop_statement", contains="i -= 1")
    assert "i -= 1" not in tree["minicalc/arith.py"].split("def countdown")[1].split("def ")[0]
    ev = taskgen.evaluate(tree, clean_ids, timeout_s=4)
    assert ev.status == "timeout"


class FakeRun:
    def __init__(self, outcomes, status="ok", problems=()):
        self.outcomes, self.status, self.problems = outcomes, status, list(problems)
        self.infra_error = None
        self.reported_exit = 1
        self.exit_code = 1
        self.output = ""


def test_evaluate_drops_flaky_and_untrusted_runs(monkeypatch):
    """Two runs with different outcomes are flaky; a run with integrity problems is untrusted; all-failing has no P2P."""
    ids = ["t::a", "t::b"]
    runs = iter([FakeRun({"t::a": "failed", "t::b": "passed"}), FakeRun({"t::a": "failed", "t::b": "failed"})])
    monkeypatch.setattr(taskgen, "_run_pytest", lambda *a: next(runs))
    assert taskgen.evaluate({"x.py": ""}, ids).status == "flaky"
    monkeypatch.setattr(taskgen, "_run_pytest", lambda *a: FakeRun({"t::a": "failed"}, problems=["no JUnit XML"]))
    assert taskgen.evaluate({"x.py": ""}, ids).status == "untrusted"
    monkeypatch.setattr(taskgen, "_run_pytest", lambda *a: FakeRun({"t::a": "failed", "t::b": "error"}))
    assert taskgen.evaluate({"x.py": ""}, ids).status == "no_pass_to_pass"
    same = FakeRun({"t::a": "failed", "t::b": "passed"})
    monkeypatch.setattr(taskgen, "_run_pytest", lambda *a: same)
    ev = taskgen.evaluate({"x.py": ""}, ids)
    assert (ev.status, ev.fail_to_pass, ev.pass_to_pass) == ("kept", ["t::a"], ["t::b"])


# --- generation on the fixture repo -----------------------------------------------

GEN = taskgen.GenConfig(per_repo=4, seed=3, implement_share=0.25, double_share=0.25, triple_share=0.0,
                        timeout_s=20, max_candidates=30, workers=2)


@pytest.fixture(scope="module")
def generated(mini, bwrap):
    tasks, stats = taskgen.generate_repo(mini, GEN)
    return tasks, stats


@pytest.mark.slow
def test_generated_tasks_are_consistent(generated, mini):
    """Each task: F2P and P2P non-empty and disjoint, covering every test; gold patch restores the clean source;
    no hidden test in the workspace; a leak-free statement; the shapes asked for."""
    tasks, stats = generated
    assert [t.meta["shape"] for t in tasks] == ["single", "single", "double", "implement"], stats
    all_ids = set()
    for task in tasks:
        assert task.fail_to_pass and task.pass_to_pass
        assert not set(task.fail_to_pass) & set(task.pass_to_pass)
        all_ids = set(task.fail_to_pass) | set(task.pass_to_pass)
        assert len(all_ids) == 14
        assert not set(task.files) & set(mini.hidden_tests) and task.hidden_files == mini.hidden_files
        clean = apply_patch(task.files, task.gold_patch)
        assert clean == mini.workspace_files
        assert task.files != mini.workspace_files
        assert "tests/" not in task.gold_patch
        assert not statements.find_leaks(task.problem_statement, test_files=mini.visible_tests | mini.hidden_tests,
                                         gold_patch=task.gold_patch)
        assert SweTask.from_dict(task.to_dict()) == task
    double = tasks[2]
    assert len({m["path"] for m in double.meta["mutations"]}) == 2
    implement = tasks[3]
    assert implement.kind == "implement" and "raise NotImplementedError" in implement.gold_patch
    assert stats.evaluated >= len(tasks) and sum(stats.kept.values()) >= len(tasks)


@pytest.mark.slow
def test_generation_is_deterministic_and_independent_of_workers(generated, mini):
    """The same seed gives the same tasks (ids, statements, test lists) with one worker as with two."""
    tasks, _ = generated
    again, _ = taskgen.generate_repo(mini, GEN.__class__(**{**GEN.__dict__, "workers": 1}))
    assert [t.to_dict() for t in again] == [t.to_dict() for t in tasks]


def test_generation_refuses_a_repo_whose_clean_tree_fails(tmp_path, bwrap):
    """A repository whose own tests fail cannot yield tasks: ConfigError naming it."""
    shutil.copytree(FIXTURES / "minirepo", tmp_path / "minirepo")
    arith = tmp_path / "minirepo" / "minicalc" / "arith.py"
    arith.write_text(arith.read_text().replace("return a + b", "return a + b + 1"))
    with pytest.raises(ConfigError, match="must pass all of its tests"):
        taskgen.generate_repo(load_repo("minirepo", tmp_path), GEN.__class__(**{**GEN.__dict__, "workers": 0}))


def test_gen_config_validates():
    """Shares summing over 1 and a zero per_repo are rejected; quotas add up to per_repo."""
    with pytest.raises(ConfigError):
        taskgen.GenConfig(per_repo=0)
    with pytest.raises(ConfigError):
        taskgen.GenConfig(implement_share=0.6, double_share=0.6)
    q = taskgen.GenConfig(per_repo=18).quotas()
    assert sum(q.values()) == 18 and min(q.values()) >= 3


# --- statements -------------------------------------------------------------------

PYTEST_OUTPUT = """\
..F.F.F
=================================== FAILURES ===================================
_______________________________ test_upper ________________________________
tests/test_filters.py:6: in test_upper
    assert render_string("{{ name|upper }}", name="bob") == "BOB"
E   AssertionError: assert 'bob' == 'BOB'
E     - BOB
E     + bob
_________________________ TestLexer.test_tokens[2] __________________________
tests/test_lexer.py:20: in test_tokens
    tokens = tokenize(src)
pkg/lexer.py:40: in tokenize
    raise LexError(f"bad {ch!r}")
E   pkg.errors.LexError: bad '{'
_________________________________ test_missing _________________________________
hidden_tests/test_x_hidden.py:9: in test_missing
    with pytest.raises(KeyError):
E   Failed: DID NOT RAISE <class 'KeyError'>
3 failed, 4 passed in 0.30s
"""


def test_failure_sections_map_to_node_ids_and_observed_values():
    """Headers and location lines give node ids (classes, parameters); E lines give the observed behaviour."""
    sections = statements.failure_sections(PYTEST_OUTPUT)
    assert set(sections) == {"tests/test_filters.py::test_upper", "tests/test_lexer.py::TestLexer::test_tokens[2]",
                             "hidden_tests/test_x_hidden.py::test_missing"}
    observed = {k: statements.observed_from(v) for k, v in sections.items()}
    assert observed["tests/test_filters.py::test_upper"] == "the result is `'bob'`"
    assert observed["tests/test_lexer.py::TestLexer::test_tokens[2]"] == "it raises `pkg.errors.LexError: bad '{'`"
    assert observed["hidden_tests/test_x_hidden.py::test_missing"] == "no error is raised"
    assert statements.observed_from(["assert 3 in [1, 2]"]) == "the result is `[1, 2]`"
    assert statements.observed_from(["AssertionError: custom message from the test"]) is None
    assert statements.observed_from(["assert 'a == b' == 'c'"]) == "the result is `'a == b'`"


def test_expectation_rewords_the_main_verb_outside_quotes():
    """'gives' becomes 'should give'; a verb inside a quoted input is left alone."""
    assert statements.expectation("Adding 2 and 3 gives 5.") == "Adding 2 and 3 should give 5."
    assert statements.expectation("Parsing 'x is y' returns a Compare node.") == \
        "Parsing 'x is y' should return a Compare node."
    assert statements.expectation("Something odd happens") == "Expected: Something odd happens."


BEHAVIOURS = [statements.Behaviour("tests/test_a.py::test_add", "Adding 2 and 3 gives 5.", "the result is `-1`", False),
              statements.Behaviour("hidden_tests/test_h.py::test_clamp_high", "Clamping 12 to [0, 10] gives 10.",
                                   None, True)]


def test_statements_vary_by_seed_and_are_deterministic():
    """The same seed gives the same text; ten seeds give several wordings; the content is always there."""
    texts = [statements.write_statement("minicalc", "A tiny calculator.", BEHAVIOURS, seed=s) for s in range(10)]
    assert texts[3] == statements.write_statement("minicalc", "A tiny calculator.", BEHAVIOURS, seed=3)
    assert len(set(texts)) >= 4
    for text in texts:
        assert "-1" in text and "12 to [0, 10]" in text and "minicalc" in text
        assert "Clamping 12 to [0, 10] gives 10" not in text  # the hidden docstring is reworded, not quoted
        assert "test_" not in text and "hidden" not in text
    with pytest.raises(ValueError):
        statements.write_statement("minicalc", "", [], seed=0)


def test_find_leaks_flags_names_code_paths_and_patch_lines(mini):
    """A statement quoting a test name, a line of test code, a test file or a changed line of the fix is flagged."""
    tests = mini.visible_tests | mini.hidden_tests
    patch = "--- a/minicalc/arith.py\n+++ b/minicalc/arith.py\n@@ -1 +1 @@\n-    return a - b\n+    return a + b\n"
    clean = "Adding 2 and 3 should give 5, but the result is `-1`."
    assert statements.find_leaks(clean, test_files=tests, gold_patch=patch) == []
    assert statements.find_leaks("see test_clamp_high", test_files=tests)
    assert statements.find_leaks('run assert join_words(["x", "y"], "-") == "x-y"', test_files=tests)
    assert statements.find_leaks("in test_minicalc_hidden", test_files=tests)
    assert statements.find_leaks("change it to return a + b", test_files=tests, gold_patch=patch)


# --- the shipped task file --------------------------------------------------------

@pytest.fixture(scope="module")
def shipped():
    if not SHIPPED.is_file():
        pytest.fail(f"the shipped task file {SHIPPED} is missing; generate it with "
                    "`python -m rlvr.envs.swe.taskgen --out rlvr/envs/swe/tasks/bundled.jsonl`")
    return taskgen.read_tasks(SHIPPED)


def test_shipped_tasks_load_and_are_consistent(shipped):
    """Every line loads into a SweTask against the current bundled repos; ids are unique; each repo has
    >= 15 tasks mixing 1/2/3-mutation and implement tasks; test lists are disjoint and name real tests;
    the gold patch touches only source; statements leak nothing."""
    assert len({t.id for t in shipped}) == len(shipped)
    by_repo: dict[str, list[SweTask]] = {}
    for task in shipped:
        by_repo.setdefault(task.repo, []).append(task)
    assert sorted(by_repo) == list_repos()
    for name, tasks in by_repo.items():
        repo = load_repo(name)
        shapes = {t.meta["shape"] for t in tasks}
        assert len(tasks) >= 15 and shapes == {"single", "double", "triple", "implement"}, (name, len(tasks), shapes)
        test_files = repo.visible_tests | repo.hidden_tests
        known = set(statements.test_docstrings(test_files))
        for task in tasks:
            assert task.fail_to_pass and task.pass_to_pass
            assert not set(task.fail_to_pass) & set(task.pass_to_pass)
            assert {i.split("[")[0] for i in task.all_test_ids} <= known
            assert task.hidden_files == repo.hidden_files and not set(task.files) & set(repo.hidden_tests)
            assert apply_patch(task.files, task.gold_patch) == repo.workspace_files
            assert all(not is_test_path(p) for p in (m["path"] for m in task.meta["mutations"]))
            assert not statements.find_leaks(task.problem_statement, test_files=test_files,
                                             gold_patch=task.gold_patch), task.id


def test_shipped_tasks_match_the_current_repos(shipped):
    """Records name the current content hash of their repo. A repo edited after generation only warns here:
    its tasks still load (patch applies, tests exist, checked above), but the file should be regenerated."""
    stale = sorted({t.repo for t in shipped if t.meta.get("repo_changed")})
    if stale:
        warnings.warn(f"the shipped SWE-v0 tasks of {stale} predate edits of those repos; regenerate with "
                      "`rlvr swe build-tasks --out rlvr/envs/swe/tasks/bundled.jsonl`", stacklevel=1)
    assert len(stale) < len({t.repo for t in shipped}), "every repo changed since generation: regenerate"


def test_shipped_records_are_compact():
    """Records carry the gold patch and the repo hash, not the trees (the file stays small)."""
    first = json.loads(SHIPPED.read_text().splitlines()[0])
    assert "files" not in first and "bundled_repo_hash" in first
    assert SHIPPED.stat().st_size < 3_000_000


@pytest.mark.slow
def test_shipped_spot_check_buggy_fails_and_gold_passes(shipped, bwrap):
    """For a few shipped tasks (different repos and shapes): the buggy tree fails every F2P test and passes
    every P2P test; with the gold patch applied every test passes."""
    picked = [shipped[i] for i in range(0, len(shipped), max(1, len(shipped) // 4))][:4]
    for task in picked:
        buggy = {**task.files, **task.hidden_files}
        run = taskgen._run_pytest(buggy, list(task.all_test_ids), None, 60)
        assert all(run.outcomes.get(i) != "passed" for i in task.fail_to_pass), task.id
        assert all(run.outcomes.get(i) == "passed" for i in task.pass_to_pass), task.id
        fixed = {**apply_patch(task.files, task.gold_patch), **task.hidden_files}
        run = taskgen._run_pytest(fixed, list(task.all_test_ids), None, 60)
        assert run.all_passed(list(task.all_test_ids)), task.id


def test_compact_record_of_a_changed_repo(shipped):
    """A record from another repo version still loads (flagged) while its tests exist and its patch applies;
    a vanished test or a patch that no longer applies is a ConfigError saying how to regenerate."""
    task = shipped[0]
    same = SweTask.from_dict(task.to_record(load_repo(task.repo).content_hash))
    assert same == task and not same.meta.get("repo_changed")
    changed = SweTask.from_dict(task.to_record("0" * 16))
    assert changed.files == task.files and changed.meta["repo_changed"] is True
    record = {**task.to_record("0" * 16), "pass_to_pass": [*task.pass_to_pass, "tests/test_gone.py::test_gone"]}
    with pytest.raises(ConfigError, match="regenerate"):
        SweTask.from_dict(record)
    broken = {**task.to_record("0" * 16), "gold_patch": task.gold_patch.replace("\n ", "\n #", 1)}
    with pytest.raises(ConfigError, match="regenerate"):
        SweTask.from_dict(broken)


def test_task_schema_errors_name_the_key():
    """A dict missing a key or with a wrong type raises ConfigError naming it; kinds are checked."""
    good = {"id": "x", "repo": "r", "problem_statement": "p", "files": {"a.py": ""}, "hidden_files": {},
            "gold_patch": "", "fail_to_pass": ["t::a"], "pass_to_pass": [], "kind": "mutation"}
    assert SweTask.from_dict(good).fail_to_pass == ("t::a",)
    with pytest.raises(ConfigError, match="'gold_patch'"):
        SweTask.from_dict({k: v for k, v in good.items() if k != "gold_patch"})
    with pytest.raises(ConfigError, match="fail_to_pass"):
        SweTask.from_dict({**good, "fail_to_pass": "t::a"})
    with pytest.raises(ConfigError, match="kind"):
        SweTask.from_dict({**good, "kind": "other"})
    with pytest.raises(ConfigError, match="inside the workspace"):
        SweTask.from_dict({**good, "files": {"../evil.py": ""}})
    with pytest.raises(ConfigError, match="must not also be visible"):
        SweTask.from_dict({**good, "hidden_files": {"a.py": ""}})
