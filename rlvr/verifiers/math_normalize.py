"""Normalise an answer string and decide the easy cases in-process (no SymPy).

Both the reference answer and the policy's extracted answer go through
:func:`normalize`, so the two sides are always compared under the same rules:

* presentation is dropped: ``$``, ``\\left``/``\\right``, spacing commands
  (``\\!``, ``\\,``, ``\\;``, ``\\quad``), ``\\displaystyle``, ``\\dfrac``/``\\tfrac``
  become ``\\frac``, a trailing period;
* units are dropped: a trailing ``\\text{ cm}`` (also ``\\mathrm``, ``\\mbox``, with
  an exponent), trailing plain words after a number (``5 apples``), ``\\$``;
* **degrees and percent are units**: ``45^\\circ`` is ``45`` and ``25\\%`` is
  ``25``. So ``25\\%``, ``25 percent`` and ``25`` all match a gold ``25\\%``
  (and a gold ``25``), while ``0.25`` matches neither: it is a different
  number. Likewise ``45^\\circ`` does not match ``\\frac{\\pi}{4}``;
* thousands separators: ``1,000,000`` (or ``1{,}000``, ``1\\,000``) is one
  number when the whole answer is that number; ``(1, 2)`` and ``1,5`` are lists;
* spoken alternatives become list separators: ``4 or 5``, ``4 \\text{ or } 5``,
  ``x=4 \\lor x=5`` become ``4, 5`` (a list, which is a hedge when one value is
  expected and a set when several are);
* ``x = 3`` stays an equation (the comparison decides), ``x \\in [1,2]``
  becomes ``[1,2]``, ``a \\approx b`` keeps ``a``.

The in-process fast path that reads normalised numbers lives in
:mod:`rlvr.verifiers.math_fast`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DELIMS = re.compile(r"^(?:\$+|\\\(|\\\[)\s*|\s*(?:\$+|\\\)|\\\])$")
_REMOVE = re.compile(
    r"\\(?:left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|big|Big|bigg|Bigg)(?![A-Za-z])\.?"
    r"|\\displaystyle|\\textstyle|\\(?:q?quad)(?![A-Za-z])|(?<!\\)\\[!,;:> ]|~|\\mathstrut")
_FRAC = re.compile(r"\\[dtc]frac(?![A-Za-z])")
_BINOM = re.compile(r"\\[dt]binom(?![A-Za-z])")
_TEXT_CMD = re.compile(r"\\(?:mathrm|textrm|textbf|textit|mathbf|mathit|mbox|textnormal|operatorname\*?)\s*(?=\{)")
_DEGREE = re.compile(r"\^\s*\{\s*\\circ\s*\}|\^\s*\\circ|\\circ(?![A-Za-z])|°|\\degree(?![A-Za-z])"
                     r"|\\text\{\s*degrees?\s*\}")
_PERCENT = re.compile(r"\\%|%|\\text\{\s*\\?%\s*\}|\\text\{\s*percent\s*\}|\bpercent\b|\\percent(?![A-Za-z])")
_DOLLAR_SIGN = re.compile(r"\\\$|\\text\{\s*\\\$\s*\}")
_TRAILING_TEXT_UNIT = re.compile(r"(?<=\S)\s*\\text\{[^{}]*\}(?:\s*\^\s*(?:\{\s*\d\s*\}|\d))?\s*$")
_TRAILING_WORD_UNIT = re.compile(r"(?<=[\d}.])\s+([A-Za-z]{2,}(?:\.?\s+[A-Za-z]{2,})*)\.?(?:\s*\^\s*\d)?$")
_QUALIFIER = re.compile(r"(?i)\b(?:or|and|more|less|least|most|than|either|not|about|approx\w*|maybe)\b")
_OR_WORDS = re.compile(r"\\text\{\s*(?:or|and)\s*\}|\\(?:lor|vee|land|wedge)(?![A-Za-z])|\b(?:or|and)\b")
_TEXT_WITH_OR = re.compile(r"\\text\{([^{}]*\b(?:or|and)\b[^{}]*)\}")
_EITHER = re.compile(r"\\text\{\s*either\s*\}|\beither\b")
_IN_PREFIX = re.compile(r"^[A-Za-z](?:_\{?\w+\}?)?\s*\\in(?![A-Za-z])\s*")
_APPROX = re.compile(r"\\approx(?![A-Za-z])|≈")
_ASSIGNED_THOUSANDS = re.compile(r"^((?:[A-Za-z](?:_\{?\w+\}?)?\s*=\s*)?)"
                                 r"([+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[+-]?\d{1,3}(?: \d{3})+(?:\.\d+)?)$")
_SQRT_SHORT = re.compile(r"\\sqrt\s*(\d|[A-Za-z](?![A-Za-z]))")
_FRAC_SHORT = re.compile(r"\\frac\s*(\d)\s*(\d)")
_FRAC_HALF = re.compile(r"\\frac\s*(\d)\s*(?=\{)")
_FRAC_HALF2 = re.compile(r"\\frac\s*(\{[^{}]*\})\s*(\d)")
_LANGLE = re.compile(r"\\langle(?![A-Za-z])|⟨")
_RANGLE = re.compile(r"\\rangle(?![A-Za-z])|⟩")
_INFINITY_WORD = re.compile(r"\\infinity(?![A-Za-z])|(?<![\\A-Za-z])(?:infinity|inf)(?![A-Za-z])")
_EMPTYSET = re.compile(r"\\varnothing(?![A-Za-z])|∅")
_SPACES = re.compile(r"\s+")
#: Already normal: a signed integer, decimal or \frac{a}{b} with nothing around it.
_ALREADY_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d+)?|\\[dt]?frac\{\d+\}\{\d+\})")
#: Any spoken alternative at all (cheap pre-test for the hedge rewrites).
_MAYBE_WORDS = re.compile(r"(?i)\b(?:or|and|either)\b|\\(?:lor|vee|land|wedge)(?![A-Za-z])")
_TRAILING_PUNCT = re.compile(r"[\s.,;:]+$")

#: Plain words after a number that are mathematics, not units: never stripped.
_MATH_WORDS = frozenset("""or and pi sqrt sin cos tan cot sec csc log ln exp mod abs arcsin arccos arctan
    sinh cosh tanh infinity inf oo nan dne undefined none i e""".split())


@dataclass(frozen=True)
class Normalized:
    """An answer after normalisation.

    Attributes:
        text: The normalised text (may be ``""`` for an empty answer).
        percent: A percent sign was dropped.
        degrees: A degree sign was dropped.
    """

    text: str
    percent: bool = False
    degrees: bool = False


def _strip_units(text: str) -> str:
    for _ in range(2):  # "5 \text{ m}/\text{s}"-style double units are rare; two passes suffice
        m = _TRAILING_TEXT_UNIT.search(text)
        if m is None or not text[:m.start()].strip() or _QUALIFIER.search(m.group()):
            break  # "\text{ or more}" qualifies the number: it is not a unit
        text = text[:m.start()]
    m = _TRAILING_WORD_UNIT.search(text)
    if m and text[:m.start()].strip() and not _QUALIFIER.search(m.group()):
        words = [w.strip(".").lower() for w in m.group(1).split()]
        if not any(w in _MATH_WORDS for w in words):
            text = text[:m.start()]
    return text


def normalize(raw: str) -> Normalized:
    """Normalise one answer (gold or extracted) by the rules in the module docstring.

    Each rewrite runs only when a cheap substring test says it can apply: the
    common answer (a number, a fraction) costs a few microseconds.
    """
    if _ALREADY_PLAIN.fullmatch(raw):
        return Normalized(_FRAC.sub(r"\\frac", raw.strip()))
    text = raw.strip()
    for _ in range(2):
        text = _DELIMS.sub("", _TRAILING_PUNCT.sub("", text)).strip()
    backslash = "\\" in text
    if backslash:
        text = _REMOVE.sub(" ", text)
        text = _FRAC.sub(r"\\frac", text)
        text = _BINOM.sub(r"\\binom", text)
        text = _TEXT_CMD.sub(r"\\text", text)
        text = _LANGLE.sub("(", _RANGLE.sub(")", text))
    elif "~" in text:
        text = text.replace("~", " ")
    if not text.isascii():
        text = text.replace("\u2212", "-").replace("∞", "\\infty").replace("⟨", "(").replace("⟩", ")")
        text = _EMPTYSET.sub(r"\\emptyset", text)
    text = text.replace("{,}", ",")
    if "inf" in text:
        text = _INFINITY_WORD.sub(r"\\infty", text)
    if "varnothing" in text:
        text = _EMPTYSET.sub(r"\\emptyset", text)
    degrees = ("circ" in text or "deg" in text or "°" in text) and bool(_DEGREE.search(text))
    if degrees:
        text = _DEGREE.sub(" ", text)
    percent = ("%" in text or "percent" in text) and bool(_PERCENT.search(text))
    if percent:
        text = _PERCENT.sub(" ", text)
    if "$" in text:
        text = _DOLLAR_SIGN.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    text = _TRAILING_PUNCT.sub("", text)
    if " " in text or "\\text" in text:
        text = _strip_units(text).strip()
    if text.startswith("=") and "=" not in text[1:]:
        text = text[1:].strip()
    if "approx" in text or "≈" in text:
        m = _APPROX.search(text)
        if m:
            before, after = text[:m.start()].strip(), text[m.end():].strip()
            text = before or after
    if "\\in" in text:
        text = _IN_PREFIX.sub("", text)
    if _MAYBE_WORDS.search(text):
        text = _TEXT_WITH_OR.sub(r" \1 ", text)  # "5 \text{ or more}": the words must stay visible
        text = _EITHER.sub(" ", text)
        text = _OR_WORDS.sub(",", text)
    if "\\sqrt" in text:
        text = _SQRT_SHORT.sub(r"\\sqrt{\1}", text)
    if "\\frac" in text:
        text = _FRAC_SHORT.sub(r"\\frac{\1}{\2}", text)
        text = _FRAC_HALF.sub(r"\\frac{\1}", text)
        text = _FRAC_HALF2.sub(r"\\frac\1{\2}", text)
    text = _SPACES.sub(" ", text).strip().strip(",").strip()
    if "," in text or " " in text:
        m = _ASSIGNED_THOUSANDS.match(text)  # "1,000,000" or "x = 1,000,000" is one number
        if m:
            text = m.group(1) + m.group(2).replace(",", "").replace(" ", "")
    return Normalized(text, percent, degrees)
