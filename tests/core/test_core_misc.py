from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from rlvr.core.errors import ConfigError, MissingExtraError, require
from rlvr.core.spaces import UnicodeText
from rlvr.core.tasks import ListSource, ProceduralSource, item_rng
from rlvr.core.verdict import Verdict


def test_import_rlvr_is_light_and_registers_ids():
    code = ("import sys, rlvr, gymnasium as gym; "
            "heavy = [m for m in ('sympy', 'torch', 'transformers', 'datasets', 'playwright', 'docker') "
            "if m in sys.modules]; "
            "assert not heavy, heavy; assert 'rlvr/Math-v0' in gym.registry")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_missing_extra_error_names_the_pip_command():
    with pytest.raises(MissingExtraError, match=r"pip install 'rlvr\[hf\]'"):
        require("surely_not_a_module_rlvr", "hf", "Loading a tokenizer")


def test_unicode_text_space_accepts_any_string():
    space = UnicodeText(max_length=10)
    assert space.contains("日本🤖") and not space.contains("x" * 11) and not space.contains(b"x")
    space.seed(0)
    assert all(space.contains(space.sample()) for _ in range(100))


def test_verdict_invariants():
    assert Verdict.error("sandbox died").masked is True
    assert Verdict.incorrect("mismatch").to_dict() == {
        "status": "incorrect", "reward": 0.0, "details": {"reason": "mismatch"}, "masked": False}
    with pytest.raises(ValueError):
        Verdict("maybe", 0.0)
    with pytest.raises(ValueError):
        Verdict("correct", 1.5)


def test_item_streams_are_independent_of_neighbouring_seeds():
    # seed + index streams would make (seed=1, i=0) equal (seed=0, i=1); seed sequences do not.
    a = item_rng(0, 1).integers(1 << 30, size=4)
    b = item_rng(1, 0).integers(1 << 30, size=4)
    assert not np.array_equal(a, b)
    src = ProceduralSource(lambda rng: {"x": int(rng.integers(1 << 40))}, root_seed=3)
    assert src[5] == src[5] and src[5] != src[6]


def test_empty_task_list_is_rejected():
    with pytest.raises(ConfigError, match="at least one task"):
        ListSource([])
