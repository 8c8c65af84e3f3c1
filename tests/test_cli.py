from __future__ import annotations

import subprocess
import sys

from rlvr.cli import last_number_policy, main


def test_list_shows_every_id(capsys):
    assert main(["list"]) == 0
    assert "rlvr/Math-v0" in capsys.readouterr().out


def test_eval_prints_a_table_per_family(capsys):
    assert main(["eval", "rlvr/Math-v0", "--episodes", "30", "--kwargs", '{"difficulty": 1}']) == 0
    out = capsys.readouterr().out
    assert "30 episodes" in out and "overall" in out


def test_play_reads_an_answer_and_prints_the_verdict():
    tasks = '{"tasks": [{"question": "What is 2+2?", "answer": "4"}]}'
    result = subprocess.run([sys.executable, "-m", "rlvr.cli", "play", "rlvr/Math-v0", "--seed", "0",
                             "--kwargs", tasks], input="\\boxed{4}\n\n", capture_output=True, text=True,
                            timeout=120)
    assert "What is 2+2?" in result.stdout
    assert "verdict: correct  reward: 1.0" in result.stdout


def test_last_number_baseline():
    assert last_number_policy("Add 3 and -4.5") == "\\boxed{-4.5}"
    assert last_number_policy("no digits") == "\\boxed{0}"
