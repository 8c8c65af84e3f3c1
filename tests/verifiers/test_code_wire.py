"""The plain-data codec and the checkers of the code verifier (no sandbox needed)."""

from __future__ import annotations

import math

import pytest

from rlvr.core.errors import ConfigError
from rlvr.verifiers.code_checkers import Checker
from rlvr.verifiers.code_wire import NotPlainData, decode_value, encode_value, exception_payload, split_frames


@pytest.mark.parametrize("value", [
    None, True, False, 0, -7, 2**70, -(2**200), 1.5, -0.0, "", "héllo\n\"\\", "\ud800", b"\x00\xff",
    [1, [2, (3, 4)]], (1,), (), {1: "a", (2, 3): [4]}, {"k": None}, {1, 2}, frozenset({"x"}), [[]],
])
def test_roundtrip_keeps_exact_types(value):
    back = decode_value(encode_value(value))
    assert back == value and type(back) is type(value)


def test_nan_and_inf_roundtrip():
    assert math.isnan(decode_value(encode_value(float("nan"))))
    assert decode_value(encode_value([float("inf"), float("-inf")])) == [float("inf"), float("-inf")]


def test_subclasses_cross_as_their_builtin_value():
    class Liar(int):
        def __eq__(self, other):
            return True

        __hash__ = int.__hash__

    class Str(str):
        def __eq__(self, other):
            return True

        __hash__ = str.__hash__

    back = decode_value(encode_value([Liar(3), Str("a")]))
    assert back == [3, "a"] and type(back[0]) is int and type(back[1]) is str
    assert back[0] != 4


@pytest.mark.parametrize("value", [object(), len, (x for x in ()), [1, object()], {"a": print}])
def test_non_plain_data_is_refused(value):
    with pytest.raises(NotPlainData):
        encode_value(value)


def test_nesting_is_bounded():
    deep: list = []
    for _ in range(100):
        deep = [deep]
    with pytest.raises(NotPlainData):
        encode_value(deep)
    with pytest.raises(ValueError):
        decode_value("[" * 100000 + "]" * 100000)


@pytest.mark.parametrize("text", ['{"a": 1, "b": 2}', '{"nope": 1}', '{"set": [[1]]}', '{"bytes": "!"}',
                                  '{"float": "1.0"}', "not json", '{"dict": [[1]]}'])
def test_decoder_rejects_anything_but_tags(text):
    with pytest.raises(ValueError):
        decode_value(text)


def test_frames_and_exception_payload():
    blob = b"3\nabc0\n5\nxy"
    assert split_frames(blob, 10) == [b"abc", b""]
    assert split_frames(b"x\nabc", 10) == []
    assert exception_payload(KeyError("k"))[:2] == ["KeyError", "KeyError"]

    class Mine(ValueError):
        pass

    assert exception_payload(Mine("m")) == ["Mine", "ValueError", "m"]


# ------------------------------------------------------------------ checkers
def test_checker_specs():
    assert Checker.parse(None).kind == "tokens"
    assert Checker.parse("float:1e-6").tol == 1e-6
    for bad in ("floaty", "float:x", "float:-1", 3):
        with pytest.raises(ConfigError):
            Checker.parse(bad)


def test_exact_tokens_and_float_checkers():
    exact, tokens, flt = Checker.parse("exact"), Checker.parse("tokens"), Checker.parse("float:1e-6")
    assert exact.check_output(b"1 2\r\n3  \n\n", "1 2\n3\n")
    assert not exact.check_output(b"1  2\n3\n", "1 2\n3\n")
    assert tokens.check_output(b"1  2\n\n3", "1 2 3\n")
    assert not tokens.check_output(b"1 2", "1 2 3")
    assert flt.check_output(b"0.3333333 2", "0.33333333 2")
    assert not flt.check_output(b"0.34 2", "0.33333333 2")
    assert flt.check_output(b"nan", "nan") and not flt.check_output(b"nan", "1") and not flt.check_output(b"inf 1", "1 1")
    assert not exact.check_output(b"passed\n", "3\n")


def test_value_checker_is_structural():
    exact, flt = Checker.parse("exact"), Checker.parse("float:1e-6")
    assert exact.check_value((1, [2, 3]), [1, [2, 3]])
    assert not exact.check_value(True, 1) and not exact.check_value(1, True)
    assert not exact.check_value("1", 1) and not exact.check_value([1], [1, 2])
    assert exact.check_value({"a": [1]}, {"a": [1]}) and not exact.check_value({1: 2}, {"1": 2})
    assert flt.check_value([0.1 + 0.2], [0.3]) and not exact.check_value(0.1 + 0.2, 0.3)
    assert exact.check_value(2, 2.0)
