"""Plain-data codec shared by the code verifier, the in-sandbox harness and the check server.

This module is standalone on purpose (standard library only, no ``rlvr``
imports, no ``from __future__``): its source is prepended to the harness that
runs inside the sandbox (``python3 -I -S``) and to the trusted check server,
so the three sides encode values with one implementation.

Values cross process boundaries as *tagged JSON*:

* ``null``, ``true``/``false``, numbers, strings and arrays (= ``list``) are
  plain JSON;
* every JSON object is a one-key tag: ``{"tuple": [...]}``, ``{"set": [...]}``,
  ``{"frozenset": [...]}``, ``{"dict": [[key, value], ...]}``,
  ``{"bytes": "<base64>"}``, ``{"float": "nan" | "inf" | "-inf"}``,
  ``{"int": "<hex>"}`` (integers outside 64 bits, which decimal JSON and
  Python's int-to-str limit handle badly).

Only those builtin types are *plain data*. Subclasses (an ``int`` whose
``__eq__`` always answers ``True``, a ``str`` with a patched comparison) are
encoded as the value of their builtin base, so patched behaviour never crosses
the boundary; anything else (a custom object, a function, a generator) is not
plain data and :class:`NotPlainData` is raised. The decoder builds exact
builtin types only.
"""

import binascii
import _json

#: Deepest nesting accepted in either direction.
MAX_DEPTH = 64

_INT64 = 1 << 63
_escape = _json.encode_basestring_ascii


class NotPlainData(TypeError):
    """A value that is not None/bool/int/float/str/bytes/list/tuple/set/frozenset/dict."""


def encode_value(value):
    """Encode ``value`` as tagged JSON text (see the module docstring)."""
    parts = []
    _encode(value, parts, 0)
    return "".join(parts)


def _encode(v, out, depth):
    if depth > MAX_DEPTH:
        raise NotPlainData(f"nested deeper than {MAX_DEPTH} levels")
    if v is None:
        out.append("null")
    elif v is True:
        out.append("true")
    elif v is False:
        out.append("false")
    elif isinstance(v, int):
        n = int.__index__(v)
        out.append(int.__repr__(n) if -_INT64 <= n < _INT64 else '{"int":"%s"}' % format(n, "x"))
    elif isinstance(v, float):
        f = float.__float__(v)
        if f != f:
            out.append('{"float":"nan"}')
        elif f in (float("inf"), float("-inf")):
            out.append('{"float":"%s"}' % ("inf" if f > 0 else "-inf"))
        else:
            out.append(float.__repr__(f))
    elif isinstance(v, str):
        out.append(_escape(str.__str__(v)))
    elif isinstance(v, (bytes, bytearray)):
        out.append('{"bytes":"%s"}' % binascii.b2a_base64(bytes(v), newline=False).decode("ascii"))
    elif isinstance(v, (list, tuple, set, frozenset)):
        if isinstance(v, list):
            items, tag = list.__iter__(v), None
        elif isinstance(v, tuple):
            items, tag = tuple.__iter__(v), "tuple"
        elif isinstance(v, frozenset):
            items, tag = frozenset.__iter__(v), "frozenset"
        else:
            items, tag = set.__iter__(v), "set"
        if tag:
            out.append('{"%s":' % tag)
        out.append("[")
        first = True
        for item in items:
            if not first:
                out.append(",")
            first = False
            _encode(item, out, depth + 1)
        out.append("]")
        if tag:
            out.append("}")
    elif isinstance(v, dict):
        out.append('{"dict":[')
        first = True
        for key, item in dict.items(v):
            if not first:
                out.append(",")
            first = False
            out.append("[")
            _encode(key, out, depth + 1)
            out.append(",")
            _encode(item, out, depth + 1)
            out.append("]")
        out.append("]}")
    else:
        raise NotPlainData(f"a {type(v).__name__} is not plain data "
                           "(use None, bool, int, float, str, bytes, list, tuple, set, frozenset, dict)")


def decode_value(text):
    """Decode tagged JSON into exact builtin types; raises ``ValueError`` on anything else."""
    import json

    try:
        raw = json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    return _decode(raw, 0)


def _decode(v, depth):
    if depth > MAX_DEPTH:
        raise ValueError(f"nested deeper than {MAX_DEPTH} levels")
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, list):
        return [_decode(x, depth + 1) for x in v]
    if not isinstance(v, dict) or len(v) != 1:
        raise ValueError("a JSON object must be a one-key tag")
    (tag, body), = v.items()
    try:
        if tag == "tuple" and isinstance(body, list):
            return tuple(_decode(x, depth + 1) for x in body)
        if tag == "set" and isinstance(body, list):
            return {_decode(x, depth + 1) for x in body}
        if tag == "frozenset" and isinstance(body, list):
            return frozenset(_decode(x, depth + 1) for x in body)
        if tag == "dict" and isinstance(body, list):
            out = {}
            for pair in body:
                if not isinstance(pair, list) or len(pair) != 2:
                    raise ValueError("dict items must be [key, value] pairs")
                out[_decode(pair[0], depth + 1)] = _decode(pair[1], depth + 1)
            return out
        if tag == "bytes" and isinstance(body, str):
            return binascii.a2b_base64(body, strict_mode=True)
        if tag == "float" and body in ("nan", "inf", "-inf"):
            return float(body)
        if tag == "int" and isinstance(body, str):
            return int(body, 16)
    except (TypeError, binascii.Error) as exc:  # unhashable keys / set items, bad base64
        raise ValueError(str(exc)) from None
    raise ValueError(f"unknown tag {tag!r}")


def exception_payload(exc):
    """``[class name, builtin base name, message]`` of an exception raised by candidate code."""
    base = "Exception"
    for klass in type(exc).__mro__:
        if klass.__module__ == "builtins":
            base = klass.__name__
            break
    try:
        message = str(exc)[:300]
    except BaseException:  # a hostile __str__
        message = ""
    return [str(type(exc).__name__)[:100], base, message]


def split_frames(blob, limit):
    """Split ``b"<len>\\n<payload>"`` frames; stops at the first malformed one. At most ``limit``."""
    frames, pos = [], 0
    while len(frames) < limit:
        nl = blob.find(b"\n", pos, pos + 20)
        if nl < 0:
            break
        try:
            size = int(blob[pos:nl])
        except ValueError:
            break
        if size < 0 or nl + 1 + size > len(blob):
            break
        frames.append(blob[nl + 1:nl + 1 + size])
        pos = nl + 1 + size
    return frames
