"""Math-v0 dataset loaders on small original fixtures in the GSM8K, MATH, MATH-500, AIME and generic schemas.

Everything runs offline: the hub is switched off and every cache points at a
temporary directory, so a test that would download something fails instead.
"""

from __future__ import annotations

import json
import logging
import socket
from pathlib import Path

import gymnasium as gym
import pytest

import rlvr  # noqa: F401  (registers rlvr/Math-v0)
from rlvr.core.errors import ConfigError
from rlvr.envs.math.datasets import (
    EXTRA_KEYS,
    gsm8k_answer,
    last_boxed,
    load_math_tasks,
    normalize_number,
    rows_to_tasks,
)

FIX = Path(__file__).resolve().parents[2] / "fixtures" / "math"
LOGGER = "rlvr.envs.math.datasets"
TASK_KEYS = {"question", "answer", "id", *EXTRA_KEYS}


@pytest.fixture(autouse=True)
def offline_hub(tmp_path_factory, monkeypatch):
    """No network, no ~/.cache: the hub is offline and every HF cache lives in a tmp dir."""
    home = tmp_path_factory.mktemp("hf_home")
    cache = home / "datasets"
    for var, value in {"HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1",
                       "HF_HOME": str(home), "HF_DATASETS_CACHE": str(cache)}.items():
        monkeypatch.setenv(var, value)
    # datasets and huggingface_hub read those variables once, at import time:
    # patch the module-level copies too, in case another test imported them first.
    import datasets
    import datasets.config as dconfig
    import huggingface_hub.constants as hconstants

    for name, value in {"HF_HUB_OFFLINE": True, "HF_DATASETS_OFFLINE": True, "HF_CACHE_HOME": str(home),
                        "HF_DATASETS_CACHE": cache, "HF_MODULES_CACHE": home / "modules",
                        "DOWNLOADED_DATASETS_PATH": cache / "downloads",
                        "EXTRACTED_DATASETS_PATH": cache / "downloads" / "extracted"}.items():
        monkeypatch.setattr(dconfig, name, value, raising=False)
    for name, value in {"HF_HUB_OFFLINE": True, "HF_HOME": str(home), "HF_HUB_CACHE": str(home / "hub"),
                        "HF_ASSETS_CACHE": str(home / "assets"), "HF_XET_CACHE": str(home / "xet"),
                        "HF_TOKEN_PATH": str(home / "token"),
                        "HF_STORED_TOKENS_PATH": str(home / "stored_tokens")}.items():
        monkeypatch.setattr(hconstants, name, value, raising=False)
    datasets.disable_progress_bars()

    # Belt and braces: an internet connection attempt fails the test loudly.
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def guard(real):
        def connect(sock, address, *args):
            if sock.family in (socket.AF_INET, socket.AF_INET6):
                raise AssertionError(f"test tried to open a network connection to {address!r}")
            return real(sock, address, *args)
        return connect

    monkeypatch.setattr(socket.socket, "connect", guard(real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guard(real_connect_ex))
    yield home


def _raw_rows(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    value = json.loads(text)
    return value["data"] if isinstance(value, dict) else value


def _write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


# ------------------------------------------------------------- answer extraction
@pytest.mark.parametrize("text, expected", [
    (r"so $x = \boxed{\frac{1}{\sqrt{2}}}$.", r"\frac{1}{\sqrt{2}}"),
    (r"first \boxed{2}, no wait: \boxed{3}", "3"),
    (r"the total is \fbox{40}", "40"),
    (r"the set is \boxed{\{2, 3\}}", r"\{2, 3\}"),
    (r"it has \boxed 5 sides", "5"),
    (r"\boxed{\boxed{7}}", r"\boxed{7}"),  # a box inside a box belongs to the outer one
    (r"no box here, only $x = 4$", None),
    (r"truncated \boxed{\frac{3}{4}", None),
    (r"\boxed{1} then a cut-off \boxed{2", None),  # the last box never closes: no reliable answer
    (r"\boxedfoo{3}", None),  # a longer command name is not a box
])
def test_last_boxed(text, expected):
    assert last_boxed(text) == expected


@pytest.mark.parametrize("solution, expected", [
    ("9 * 8 = <<9*8=72>>72\n#### 72", "72"),
    ("#### 1,300", "1300"),
    ("#### 1,250,000", "1250000"),
    ("#### -15", "-15"),
    ("#### 4.5", "4.5"),
    ("first #### 3\nthen #### 5", "5"),  # the last marker wins
    ("  42 ", "42"),  # a bare number is its own answer
    ("no marker and no number", None),
    ("#### ", None),
])
def test_gsm8k_answer(solution, expected):
    assert gsm8k_answer(solution) == expected


def test_normalize_number_keeps_non_thousands_commas():
    assert normalize_number(" 12,345.5 ") == "12345.5"
    assert normalize_number("(1,2)") == "(1,2)"  # a tuple is not a thousands separator
    assert normalize_number("1,2,3") == "1,2,3"


# ------------------------------------------------------------ one test per schema
def test_gsm8k_final_answers_and_ids():
    tasks = load_math_tasks("gsm8k", str(FIX / "gsm8k_train.jsonl"), split="train")
    assert [t["answer"] for t in tasks] == ["72", "1300", "-15", "4.5", "29", "1250000"]
    assert [t["id"] for t in tasks] == [f"gsm8k/train/{i}" for i in range(6)]
    assert tasks[0]["question"].startswith("Marisol bakes 9 trays")
    assert "1,050 books" in tasks[1]["question"]  # commas in the question are untouched
    for task in tasks:
        assert set(task) == {"question", "answer", "id"}
        assert "####" not in task["question"] and "<<" not in task["question"]


def test_math_boxed_answers_and_skipped_rows_warn(caplog):
    path = FIX / "math_train.jsonl"
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        tasks = load_math_tasks("math", str(path), split="train")
    assert [t["answer"] for t in tasks] == [r"\frac{1}{\sqrt{2}}", "3", "40", r"\{2, 3\}", "5"]
    # ids keep the row index of the file: rows 3 (no box) and 6 (truncated box) are gone
    assert [t["id"] for t in tasks] == ["math/train/0", "math/train/1", "math/train/2",
                                        "math/train/4", "math/train/5"]
    assert tasks[0]["level"] == "Level 2" and tasks[0]["type"] == "Precalculus"
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING and r.name == LOGGER]
    assert len(warnings) == 1, warnings
    assert "skipped 2 row(s)" in warnings[0] and "3, 6" in warnings[0] and str(path) in warnings[0]


def test_math500_answer_column_wins_and_empty_answer_falls_back_to_the_box():
    tasks = load_math_tasks("math", str(FIX / "math500_test.jsonl"))
    assert [t["answer"] for t in tasks] == [r"\frac{7}{2}", r"9\pi", "9", "6", "24"]
    assert tasks[0]["answer"] != last_boxed(_raw_rows(FIX / "math500_test.jsonl")[0]["solution"])
    assert [t["id"] for t in tasks][:2] == ["test/algebra/4021.json", "test/geometry/318.json"]
    assert tasks[1]["subject"] == "Geometry" and tasks[1]["level"] == 2
    assert all(set(t) == {"question", "answer", "id", "subject", "level"} for t in tasks)


def test_aime_zero_padded_and_integer_answers():
    tasks = load_math_tasks("aime", str(FIX / "aime_2024.jsonl"))
    assert [t["answer"] for t in tasks] == ["33", "7", "540", "204", "0"]
    assert [t["id"] for t in tasks] == ["2024-I-3", "2024-I-7", "2024-II-2", "2024-II-9", "2024-II-14"]
    assert all(set(t) == {"question", "answer", "id"} for t in tasks)  # no url, no solution


def test_aime_capitalised_columns():
    tasks = load_math_tasks("aime", str(FIX / "aime_capitalised.jsonl"))
    assert [t["answer"] for t in tasks] == ["13", "400", "72", "120", "8"]
    assert [t["id"] for t in tasks] == ["1991-4", "1991-9", "1992-2", "1992-11", "1993-5"]
    assert tasks[0]["question"] == "How many two-digit multiples of $7$ are there?"
    assert tasks[2]["year"] == 1992
    assert all(set(t) == {"question", "answer", "id", "year"} for t in tasks)


def test_generic_json_list_keeps_answers_as_written():
    tasks = load_math_tasks("json", str(FIX / "generic_list.json"))
    # "[0, 1]" is an interval: a column that mixes numbers and strings must not
    # JSON-decode the strings (it once became the list [0, 1] and failed the load)
    assert [t["answer"] for t in tasks] == ["12", r"\frac{3}{4}", "x^2 + 1", "0.25", "(1, 2)", "[0, 1]"]
    assert [t["id"] for t in tasks] == [f"json/test/{i}" for i in range(6)]


def test_mixed_type_answers_are_not_json_decoded(tmp_path):
    path = _write_jsonl(tmp_path / "mixed.jsonl", [
        {"question": "q0", "answer": 3}, {"question": "q1", "answer": "[0, 1]"},
        {"question": "q2", "answer": "2.50"}, {"question": "q3", "answer": "007"},
    ])
    assert [t["answer"] for t in load_math_tasks("json", str(path))] == ["3", "[0, 1]", "2.50", "007"]


def test_generic_json_data_field_drops_solutions():
    tasks = load_math_tasks("json", str(FIX / "generic_data.json"), split="train")
    assert [t["id"] for t in tasks] == ["warmup-1", "warmup-2", "warmup-3"]
    assert [t["answer"] for t in tasks] == ["81", "3", "7"]
    assert [t["level"] for t in tasks] == ["easy", "easy", "medium"]
    assert all("solution" not in t for t in tasks)


def test_generic_jsonl():
    tasks = load_math_tasks("json", str(FIX / "generic.jsonl"), split="dev")
    assert [t["answer"] for t in tasks] == ["180", "6", r"5\sqrt{2}", "12", "7"]
    assert tasks[2]["question"] == r"Simplify $\sqrt{50}$."
    assert tasks[4]["id"] == "json/dev/4"


def test_csv():
    tasks = load_math_tasks("json", str(FIX / "generic.csv"))
    assert [t["answer"] for t in tasks] == ["43", "36", "1024", "12", "12.5"]  # typed numbers come back as text
    assert tasks[0]["question"] == "What is 6 times 7, plus 1?"  # a quoted comma stays in the question


def test_parquet_file_and_hub_style_directory(tmp_path):
    from datasets import Dataset

    rows = [{"problem": f"What is {a} + {a}?", "solution": f"Doubling gives $\\boxed{{{2 * a}}}$.",
             "answer": "" if a == 3 else str(2 * a), "subject": "Prealgebra", "level": 1,
             "unique_id": f"test/prealgebra/{a}.json"} for a in range(1, 6)]
    Dataset.from_list(rows).to_parquet(tmp_path / "math500.parquet")
    tasks = load_math_tasks("math", str(tmp_path / "math500.parquet"))
    assert [t["answer"] for t in tasks] == ["2", "4", "6", "8", "10"]  # row 2 falls back to its box
    assert tasks[0]["id"] == "test/prealgebra/1.json" and "solution" not in tasks[0]

    # the layout of a downloaded hub repository: <config>/<split>-00000-of-00001.parquet
    hub = tmp_path / "gsm8k_copy"
    (hub / "main").mkdir(parents=True)
    Dataset.from_list([{"question": "Train question one?", "answer": "1 + 1 = 2\n#### 2"},
                       {"question": "Train question two?", "answer": "#### 3"}]
                      ).to_parquet(hub / "main" / "train-00000-of-00001.parquet")
    Dataset.from_list([{"question": "Test question?", "answer": "so #### 2,024"}]
                      ).to_parquet(hub / "main" / "test-00000-of-00001.parquet")
    test = load_math_tasks("gsm8k", str(hub))  # the default split is "test"
    assert test == [{"question": "Test question?", "answer": "2024", "id": "gsm8k/test/0"}]
    train = load_math_tasks("gsm8k", str(hub), split="train")
    assert [t["answer"] for t in train] == ["2", "3"] and train[1]["id"] == "gsm8k/train/1"


@pytest.mark.parametrize("source, name", [
    ("gsm8k", "gsm8k_train.jsonl"), ("math", "math_train.jsonl"), ("math", "math500_test.jsonl"),
    ("aime", "aime_2024.jsonl"), ("json", "generic_data.json"),
])
def test_hidden_columns_never_reach_the_task(source, name):
    tasks = load_math_tasks(source, str(FIX / name))
    hidden = [row[key] for row in _raw_rows(FIX / name) for key in ("solution", "url")
              if isinstance(row.get(key), str)]
    if source == "gsm8k":
        hidden = [row["answer"] for row in _raw_rows(FIX / name)]  # GSM8K's "answer" is the worked solution
    assert hidden
    for task in tasks:
        assert set(task) <= TASK_KEYS
        blob = json.dumps(task)
        for secret in hidden:
            assert json.dumps(secret)[1:-1] not in blob


# ------------------------------------------------------------ splits, limit, ids
def test_directory_split_selection():
    train = load_math_tasks("json", str(FIX / "split_dir"), split="train")
    test = load_math_tasks("json", str(FIX / "split_dir"), split="test")
    assert len(train) == 4 and all(t["question"].startswith("Training item") for t in train)
    assert len(test) == 3 and all(t["question"].startswith("Held-out item") for t in test)
    assert [t["id"] for t in train] == [f"json/train/{i}" for i in range(4)]
    assert [t["answer"] for t in test] == ["24", "36", "33"]
    with pytest.raises(ConfigError, match=r"split\(s\) \['test', 'train'\] but none for split 'validation'") as err:
        load_math_tasks("json", str(FIX / "split_dir"), split="validation")
    assert "split=" in str(err.value)


def test_directory_without_split_names_is_read_whole(tmp_path):
    _write_jsonl(tmp_path / "part_a.jsonl", [{"question": "a?", "answer": "1"}, {"question": "b?", "answer": "2"}])
    _write_jsonl(tmp_path / "part_b.jsonl", [{"question": "c?", "answer": "3"}])
    (tmp_path / "README.md").write_text("not data\n")
    tasks = load_math_tasks("json", str(tmp_path), split="validation")
    assert [t["answer"] for t in tasks] == ["1", "2", "3"]
    assert tasks[2]["id"] == "json/validation/2"


def test_limit_counts_kept_tasks():
    assert [t["id"] for t in load_math_tasks("gsm8k", str(FIX / "gsm8k_train.jsonl"), limit=2)] == \
        ["gsm8k/test/0", "gsm8k/test/1"]
    # the skipped row 3 does not use up the limit
    math = load_math_tasks("math", str(FIX / "math_train.jsonl"), limit=4)
    assert [t["id"] for t in math] == ["math/test/0", "math/test/1", "math/test/2", "math/test/4"]
    assert len(load_math_tasks("aime", str(FIX / "aime_2024.jsonl"), limit=100)) == 5


@pytest.mark.parametrize("limit", [0, -1, True, 1.5, "3"])
def test_bad_limit(limit):
    with pytest.raises(ConfigError, match="limit must be a positive int"):
        load_math_tasks("gsm8k", str(FIX / "gsm8k_train.jsonl"), limit=limit)


def test_duplicate_ids_warn(caplog):
    rows = [{"id": "same", "question": "q?", "answer": "1"}, {"id": "same", "question": "r?", "answer": "2"}]
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        tasks = rows_to_tasks("json", rows, origin="inline rows")
    assert [t["id"] for t in tasks] == ["same", "same"]
    assert any("1 task id(s) of inline rows occur more than once" in r.getMessage() for r in caplog.records)


# ------------------------------------------------------------------------ errors
def test_missing_file_names_the_path(tmp_path):
    missing = tmp_path / "nowhere" / "gsm8k_test.jsonl"
    with pytest.raises(ConfigError, match="does not exist") as err:
        load_math_tasks("gsm8k", str(missing))
    assert str(missing) in str(err.value) and "dataset=" in str(err.value)
    with pytest.raises(ConfigError, match="'my_problems' does not exist"):
        load_math_tasks("json", "my_problems")  # source="json" never goes to the hub


@pytest.mark.parametrize("source, hub_name", [
    ("gsm8k", "openai/gsm8k"), ("math", "HuggingFaceH4/MATH-500"), ("aime", "AI-MO/aimo-validation-aime"),
])
def test_offline_hub_default_says_to_pass_a_local_file(source, hub_name):
    with pytest.raises(ConfigError) as err:
        load_math_tasks(source)
    message = str(err.value)
    assert hub_name in message and "offline" in message and "dataset=" in message


def test_offline_hub_name():
    with pytest.raises(ConfigError, match="'someone/competition-math'") as err:
        load_math_tasks("math", "someone/competition-math")
    assert "dataset=" in str(err.value)


def test_json_source_needs_a_dataset():
    with pytest.raises(ConfigError, match=r"source='json' needs dataset="):
        load_math_tasks("json")


def test_unknown_source():
    with pytest.raises(ConfigError, match=r"unknown math dataset source 'olympiad'.*gsm8k, math, aime, json"):
        load_math_tasks("olympiad", str(FIX / "generic.jsonl"))
    with pytest.raises(ConfigError, match="'olympiad'"):
        gym.make("rlvr/Math-v0", source="olympiad", dataset=str(FIX / "generic.jsonl"))


@pytest.mark.parametrize("bad", ["12.5", 1000, -3, "forty", True])
def test_bad_aime_answer_names_the_row(tmp_path, bad):
    path = _write_jsonl(tmp_path / "aime_bad.jsonl", [
        {"id": "ok", "problem": "Fine problem?", "answer": "045"},
        {"id": "bad", "problem": "Broken problem?", "answer": bad},
    ])
    with pytest.raises(ConfigError, match=r"aime row 1 of .*aime_bad\.jsonl.*not an AIME answer") as err:
        load_math_tasks("aime", str(path))
    assert repr(bad) in str(err.value) and "Fix:" in str(err.value)


def test_aime_row_without_answer(tmp_path):
    path = _write_jsonl(tmp_path / "aime_noanswer.jsonl", [{"problem": "Where is my answer?", "solution": "lost"}])
    with pytest.raises(ConfigError, match=r"aime row 0 of .* has no 'answer'"):
        load_math_tasks("aime", str(path))


def test_wrong_schema_lists_the_columns():
    with pytest.raises(ConfigError, match=r"gsm8k row 0 .* no 'question' column \(columns: \['level', 'problem'"):
        load_math_tasks("gsm8k", str(FIX / "math_train.jsonl"))


def test_empty_directory(tmp_path):
    with pytest.raises(ConfigError, match="holds no .json/.jsonl/.parquet/.csv files") as err:
        load_math_tasks("json", str(tmp_path))
    assert str(tmp_path) in str(err.value)
    (tmp_path / "notes.txt").write_text("no data here\n")
    with pytest.raises(ConfigError, match="holds no"):
        load_math_tasks("json", str(tmp_path))


def test_unsupported_suffix(tmp_path):
    path = tmp_path / "problems.txt"
    path.write_text("What is 1 + 1?\n")
    with pytest.raises(ConfigError, match=r"unsupported suffix"):
        load_math_tasks("json", str(path))


def test_no_answers_at_all(tmp_path):
    path = _write_jsonl(tmp_path / "proofs.jsonl", [{"problem": "Prove it.", "solution": "Done, no box."}])
    with pytest.raises(ConfigError, match=r"gave no math tasks \(1 row\(s\) without an answer\)"):
        load_math_tasks("math", str(path))


def test_json_row_without_answer_names_the_row(tmp_path):
    path = _write_jsonl(tmp_path / "partial.jsonl", [{"question": "a?", "answer": "1"}, {"question": "b?"}])
    with pytest.raises(ConfigError, match=r"json row 1 of .*partial\.jsonl: 'answer' must be"):
        load_math_tasks("json", str(path))


# ------------------------------------------------------------------- env end to end
@pytest.fixture(scope="module")
def verifier_ready():
    """SymPy imported in the verifier workers, so a cold start cannot eat a 2 s verification bound.

    Module-scoped, so it runs before the autouse network guard is installed.
    """
    from rlvr.verifiers.math import warm_up

    assert warm_up(1, wait=True, timeout=60)


def test_env_gsm8k_text_mode_end_to_end(verifier_ready):
    path = FIX / "gsm8k_train.jsonl"
    env = gym.make("rlvr/Math-v0", source="gsm8k", dataset=str(path), split="train", obs_mode="text")
    try:
        obs, info = env.reset(options={"task_index": 0})
        question = _raw_rows(path)[0]["question"]
        assert isinstance(obs, str) and question in obs
        assert "72" not in obs and "####" not in obs and "<<" not in obs
        assert not any("72" in m["content"] for m in info["messages"])
        assert env.unwrapped.task["id"] == "gsm8k/train/0" and info["task_id"] == "gsm8k/train/0"

        obs, reward, terminated, truncated, info = env.step("9 * 8 = 72, so the answer is \\boxed{72}")
        assert (reward, terminated, truncated) == (1.0, True, False)
        assert info["verdict"]["status"] == "correct"

        env.reset(options={"task_index": 0})
        _, reward, terminated, _, info = env.step("\\boxed{71}")
        assert reward == 0.0 and terminated and info["verdict"]["status"] == "incorrect"

        for index, answer in [(1, "1300"), (2, "-15"), (3, "4.5"), (5, "1250000")]:
            obs, _ = env.reset(options={"task_index": index})
            assert "####" not in obs
            _, reward, *_ = env.step(f"\\boxed{{{answer}}}")
            assert reward == 1.0, (index, answer)
    finally:
        env.close()


def test_env_math_and_aime_sources_end_to_end(verifier_ready):
    env = gym.make("rlvr/Math-v0", source="math", dataset=str(FIX / "math_train.jsonl"), split="train",
                   obs_mode="text", limit=3)
    try:
        assert len(env.unwrapped.source) == 3
        obs, _ = env.reset(options={"task_index": 0})
        assert r"\sqrt{2}}}" not in obs and "Dividing top and bottom" not in obs
        _, reward, _, _, info = env.step(r"$\frac{1}{\sqrt{2}} = \boxed{\frac{\sqrt{2}}{2}}$")
        assert reward == 1.0, info["verdict"]  # an equivalent form of the extracted answer is right
        env.reset(options={"task_index": 1})
        _, reward, *_ = env.step(r"\boxed{2}")  # the first, superseded box of the solution
        assert reward == 0.0
    finally:
        env.close()

    env = gym.make("rlvr/Math-v0", source="aime", dataset=str(FIX / "aime_2024.jsonl"))  # tokens mode
    try:
        obs, _ = env.reset(options={"task_index": 0})
        assert obs.dtype.kind == "i" and obs.ndim == 1
        assert env.unwrapped.task == {"question": _raw_rows(FIX / "aime_2024.jsonl")[0]["problem"],
                                      "answer": "33", "id": "2024-I-3"}
        _, reward, *_ = env.step("\\boxed{33}")
        assert reward == 1.0
    finally:
        env.close()
