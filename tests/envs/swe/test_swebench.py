"""SWE-bench instances end to end on an instance the test builds itself.

A local git repository (a base commit with a bug, and a later commit with the
fix and a new test) becomes a Docker image laid out like SWE-bench's (the
repository, ``.git`` included, at ``/testbed``) by committing a never-started
container of ``rlvr-sandbox:bookworm`` after ``put_archive``: no registry is
involved. The instance record is written as JSONL with FAIL_TO_PASS as a JSON
string, as the hub's parquet files store it.
"""

from __future__ import annotations

import io
import json
import subprocess
import tarfile

import pytest

from rlvr.core.errors import ConfigError
from rlvr.envs.swe.env import SweEnv
from rlvr.envs.swe.swebench import image_name, instance_task, load_swebench
from rlvr.envs.swe.testing import tool_call, write_files_command
from rlvr.verifiers.sandbox.testing import backend_or_skip, new_token

BUGGY = '''def median(values):
    """The median of a non-empty list of numbers."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle]
'''
FIXED = '''def median(values):
    """The median of a non-empty list of numbers."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2 == 0:
        return (ordered[middle - 1] + ordered[middle]) / 2
    return ordered[middle]
'''
BASE_TEST = "from calc.stats import median\n\n\ndef test_median_odd():\n    assert median([3, 1, 2]) == 2\n"
NEW_TEST = BASE_TEST + "\n\ndef test_median_even_secretname_k9():\n    assert median([4, 1, 3, 2]) == 2.5\n"
F2P = "tests/test_stats.py::test_median_even_secretname_k9"
P2P = "tests/test_stats.py::test_median_odd"
RECORD = {"instance_id": "calc__calc-1", "repo": "calc/calc", "base_commit": "0" * 40,
          "problem_statement": "median([4, 1, 3, 2]) returns 3, expected 2.5.", "patch": "", "test_patch": "",
          "FAIL_TO_PASS": json.dumps([F2P]), "PASS_TO_PASS": [P2P]}


def git(cwd, *args) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd, check=True,
                          capture_output=True, text=True).stdout


def test_loader_reads_json_string_lists_and_names_images(tmp_path):
    path = tmp_path / "instances.jsonl"
    path.write_text(json.dumps(RECORD) + "\n" + json.dumps({**RECORD, "instance_id": "calc__calc-2"}) + "\n")
    tasks = load_swebench(str(path), image="example/sweb.eval.x86_64.{key}:v1")
    assert [t.id for t in tasks] == ["calc__calc-1", "calc__calc-2"]
    assert tasks[0].fail_to_pass == (F2P,) and tasks[0].pass_to_pass == (P2P,)
    assert tasks[0].image == "example/sweb.eval.x86_64.calc_1776_calc-1:v1" and tasks[0].kind == "swebench"
    assert tasks[0].files == {} and tasks[0].hidden_files == {} and tasks[0].meta["workdir"] == "/testbed"
    assert len(load_swebench(str(path), limit=1)) == 1
    (tmp_path / "one.json").write_text(json.dumps([RECORD]))
    assert load_swebench(str(tmp_path / "one.json"))[0].image == "swebench/sweb.eval.x86_64.calc_1776_calc-1:latest"
    assert image_name("img-{repo}", RECORD) == "img-calc__calc"
    with pytest.raises(ConfigError, match="lacks"):
        instance_task({"instance_id": "x"})
    with pytest.raises(ConfigError, match="JSON list"):
        instance_task({**RECORD, "FAIL_TO_PASS": "not json"})
    with pytest.raises(ConfigError, match="unknown field"):
        image_name("{nope}", RECORD)


@pytest.fixture(scope="module")
def instance(tmp_path_factory):
    """(dataset path, image name): a SWE-bench-style image built from a local repository."""
    sandbox = backend_or_skip("docker")
    root = tmp_path_factory.mktemp("swebench")
    repo = root / "testbed"
    (repo / "calc").mkdir(parents=True)
    (repo / "tests").mkdir()
    (repo / "calc" / "__init__.py").write_text("")
    (repo / "calc" / "stats.py").write_text(BUGGY)
    (repo / "tests" / "test_stats.py").write_text(BASE_TEST)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    base = git(repo, "rev-parse", "HEAD").strip()
    (repo / "calc" / "stats.py").write_text(FIXED)
    (repo / "tests" / "test_stats.py").write_text(NEW_TEST)
    git(repo, "commit", "-q", "-am", "fix median of even-length lists")
    fix = git(repo, "rev-parse", "HEAD").strip()
    patch = git(repo, "diff", base, fix, "--", "calc")
    test_patch = git(repo, "diff", base, fix, "--", "tests")
    git(repo, "branch", "-q", "fixed", fix)
    git(repo, "checkout", "-q", base)  # like SWE-bench: HEAD at base_commit, the fix still in .git
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        tar.add(repo, arcname="testbed")
    client = sandbox.client
    container = client.containers.create("rlvr-sandbox:bookworm", command=["true"])
    tag = new_token()
    try:
        container.put_archive("/", buf.getvalue())
        image = container.commit(repository="rlvr-test-swebench", tag=tag)
    finally:
        container.remove(force=True)
    dataset = root / "instances.jsonl"
    dataset.write_text(json.dumps({**RECORD, "base_commit": base, "patch": patch, "test_patch": test_patch}) + "\n")
    yield str(dataset), f"rlvr-test-swebench:{tag}"
    client.images.remove(image.id, force=True)


def reply(env, text: str) -> str:
    _, _, terminated, truncated, info = env.step(text)
    assert not (terminated or truncated)
    return info["messages"][-1]["content"]


@pytest.mark.slow
def test_swebench_instance_end_to_end(instance):
    dataset, image = instance
    env = SweEnv(source="swebench", dataset=dataset, image=image, obs_mode="text")
    try:
        obs, _ = env.reset(seed=0)
        assert "/testbed" in obs and "median([4, 1, 3, 2])" in obs
        task = env.unwrapped.task
        assert task.kind == "swebench" and task.fail_to_pass == (F2P,) and "secretname" in task.meta["test_patch"]
        seen = reply(env, tool_call("bash", command="pwd; find . -type f | sort; cat calc/stats.py; "
                                                    "ls -a; git log --all --oneline 2>&1 | head -5"))
        assert seen.startswith("/testbed\n./calc/__init__.py\n./calc/stats.py\n./tests/test_stats.py\n")
        assert "ordered[middle - 1]" not in seen and ".git" not in seen.split("ls -a")[-1].split()
        search = reply(env, tool_call("bash", timeout=120, command=(
            "grep -rlsF -e \"$(printf %s secretname_ k9)\" -e \"$(printf %s 'ordered[middle' ' - 1]')\" / "
            "--exclude-dir=proc --exclude-dir=sys --exclude-dir=dev; echo done")))
        assert search.split("\n")[0] == "done", search
        assert "1 passed" in reply(env, tool_call("bash", command="pytest -q 2>&1 | tail -1"))
        _, reward, terminated, _, info = env.step(tool_call("submit"))
        assert reward == 0.0 and terminated and info["verdict"]["details"]["fail_to_pass_failed"] == 1, info
        assert "secretname" not in repr(info["verdict"])

        env.reset(seed=0)  # gaming: the new test written by the policy itself, a pass-all conftest
        forged = {"tests/test_stats.py": NEW_TEST.replace("== 2.5", "is not None"),
                  "conftest.py": "import pytest\n@pytest.hookimpl(hookwrapper=True)\n"
                                 "def pytest_runtest_makereport(item, call):\n    (yield).get_result().outcome = 'passed'\n"}
        assert "[exit code: 0]" in reply(env, tool_call("bash", command=write_files_command(forged)))
        _, reward, _, _, info = env.step(tool_call("submit"))
        assert reward == 0.0 and info["verdict"]["details"]["ignored_files"] >= 1, info["verdict"]

        env.reset(seed=0)  # the gold patch, applied by python through bash
        assert "[exit code: 0]" in reply(env, tool_call("bash", command=write_files_command(
            {"calc/stats.py": FIXED})))
        _, reward, _, _, info = env.step(tool_call("submit"))
        assert reward == 1.0, info["verdict"]
        assert info["verdict"]["details"]["changed_files"] == ["calc/stats.py"]
    finally:
        env.close()
