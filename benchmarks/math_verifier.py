"""rlvr's ``verify_math`` vs HuggingFace ``math-verify`` on the same labelled (gold, completion) pairs.

Pairs come from the procedural math families (all registered ones, difficulties
1-10 mixed). For each item one completion is built from the gold answer with a
*known* label: half are correct (the answer in an equivalent spelling: boxed,
plain ``Answer:`` line, bare, reordered sets, decimals for fractions, ``\\dfrac``,
``x = a`` forms, inequalities for intervals, unreduced fractions, self-corrected
boxes) and half incorrect (perturbed values, wrong sign, off-by-one, swapped
tuples, flipped interval brackets, a missing set element, hedges like ``4 or
5``, a prefix of the digits). The label comes from construction, not from
either verifier.

One process, one run, both verifiers on the same pairs in the same order
(alternating in chunks of 200 pairs, so machine load weighs on both alike):
agreement, accuracy against the labels, every disagreement (with which side the
label supports), throughput (pairs/s, single-threaded caller) and the ratio.
Also the in-process fast-path cost of ``verify_math`` in microseconds.

    python benchmarks/math_verifier.py [--pairs 10000] [--seed 0]

Writes ``benchmarks/results/math_verifier.json``.
"""

from __future__ import annotations

import argparse
import collections
import json
import logging
import platform
import re
import time
from fractions import Fraction
from pathlib import Path
from typing import Callable

import numpy as np

RESULTS = Path(__file__).parent / "results" / "math_verifier.json"

# -- number spellings ----------------------------------------------------------------------------------


def tex(q: Fraction) -> str:
    if q.denominator == 1:
        return str(q.numerator)
    sign = "-" if q < 0 else ""
    return f"{sign}\\frac{{{abs(q.numerator)}}}{{{q.denominator}}}"


def terminating(q: Fraction) -> bool:
    d = q.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def decimal(q: Fraction) -> str:
    k = 0
    while (q * 10**k).denominator != 1:
        k += 1
    n = abs(q.numerator) * 10**k // q.denominator
    digits = str(n).rjust(k + 1, "0")
    out = digits if k == 0 else f"{digits[:-k]}.{digits[-k:]}"
    return ("-" if q < 0 else "") + out


def equivalent_number(q: Fraction, rng: np.random.Generator, plain: bool) -> str:
    """Another spelling of ``q``, exactly equal."""
    options: list[Callable[[], str]] = [lambda: tex(q)]
    if q.denominator != 1:
        a, b = abs(q.numerator), q.denominator
        s = "-" if q < 0 else ""
        options += [lambda: f"{s}{a}/{b}", lambda: f"{s}\\dfrac{{{a}}}{{{b}}}",
                    lambda: f"\\frac{{{-a if s else a}}}{{{b}}}", lambda: f"{s}\\frac{{{2 * a}}}{{{2 * b}}}"]
        if terminating(q):
            options += [lambda: decimal(q)] * 3
    else:
        options += [lambda: f"{q.numerator}.0"]
        if abs(q) >= 1000:
            options += [lambda: f"{q.numerator:,}"]
    if plain:
        options = [o for o in options if "\\" not in o()] or [lambda: str(q)]
    return options[int(rng.integers(len(options)))]()


def wrong_number(q: Fraction, rng: np.random.Generator) -> Fraction:
    """A different number: off by one, wrong sign, reciprocal, doubled, digits dropped."""
    choices: list[Callable[[], Fraction]] = [lambda: q + 1, lambda: q - 1, lambda: q * 2 + 1]
    if q != 0:
        choices += [lambda: -q, lambda: q * 10]
    if q not in (0, 1, -1):
        choices.append(lambda: 1 / q)
    if q.denominator == 1 and abs(q) >= 10:
        choices.append(lambda: Fraction(int(str(abs(q.numerator))[:-1]) * (1 if q > 0 else -1)))
    if q.denominator != 1:
        choices.append(lambda: Fraction(q.numerator + 1, q.denominator))
    for _ in range(10):
        w = choices[int(rng.integers(len(choices)))]()
        if w != q:
            return w
    return q + 7


# -- gold answer kinds (the forms the families emit) ------------------------------------------------

_NUM = r"-?(?:\\frac\{\d+\}\{\d+\}|\d+(?:\.\d+)?)"


def read_number(s: str) -> Fraction | None:
    s = s.strip()
    m = re.fullmatch(r"(-?)\\frac\{(\d+)\}\{(\d+)\}", s)
    if m:
        q = Fraction(int(m.group(2)), int(m.group(3)))
        return -q if m.group(1) else q
    if re.fullmatch(r"-?\d+(?:\.\d+)?", s):
        return Fraction(s)
    return None


def split_items(inner: str) -> list[str]:
    return [p.strip() for p in inner.split(",")]


def kind_of(gold: str) -> tuple[str, object]:
    q = read_number(gold)
    if q is not None:
        return "number", q
    if "\\infty" in gold or "\\cup" in gold or gold[:1] == "[" or gold[-1:] == "]":
        return "interval", gold
    if gold.startswith("(") and gold.endswith(")"):
        items = [read_number(p) for p in split_items(gold[1:-1])]
        if all(i is not None for i in items):
            return "tuple", items
    if gold.startswith("\\{") and gold.endswith("\\}"):
        parts = split_items(gold[2:-2])
        items = [read_number(p) for p in parts]
        if all(i is not None for i in items):
            return "set", items
        return "expr_set", parts
    return "expr", gold


# -- completions ------------------------------------------------------------------------------------

FILLER = ["Let me think step by step. First we simplify: 12 + 7 = 19, and 3 * 4 = 12.",
          "We set up the equation and solve it carefully.",
          "Using the formula and checking the arithmetic twice,",
          "Compute each part separately, then combine the results."]


def wrap(answer: str, rng: np.random.Generator, wrong: str | None, plain: bool) -> str:
    """Put a final answer into a completion; ``wrong`` is an earlier, corrected box."""
    filler = FILLER[int(rng.integers(len(FILLER)))]
    if plain:
        style = int(rng.integers(3))
        return [f"{filler}\nAnswer: {answer}", f"{filler} The final answer is {answer}", answer][style]
    style = int(rng.integers(5))
    if wrong is not None and style == 0:
        return f"{filler} So $\\boxed{{{wrong}}}$. Wait, I made an error; redoing it gives $\\boxed{{{answer}}}$."
    return [f"{filler}\nTherefore the answer is $\\boxed{{{answer}}}$.", f"{filler} $$\\boxed{{{answer}}}$$",
            f"{filler}\n\nFinal Answer: ${answer}$", f"\\boxed{{{answer}}}",
            f"{filler} Hence \\boxed{{{answer}}}."][style]


def hedge(a: str, b: str, rng: np.random.Generator) -> str:
    return [f"{a}, {b}", f"{a} \\text{{ or }} {b}", f"{a} or {b}"][int(rng.integers(3))]


def _number_pair(q: Fraction, correct: bool, rng: np.random.Generator) -> tuple[str, str]:
    plain = rng.random() < 0.35
    if correct:
        ans, form = equivalent_number(q, rng, plain), "equivalent"
        if rng.random() < 0.15 and not plain:
            ans, form = f"x = {ans}", "assignment"
    elif rng.random() < 0.2:
        ans, form = hedge(equivalent_number(q, rng, plain), tex(wrong_number(q, rng)), rng), "hedge"
    else:
        ans, form = equivalent_number(wrong_number(q, rng), rng, plain), "perturbed"
    wrong = tex(wrong_number(q, rng))
    return wrap(ans, rng, wrong if correct else None, plain), form


def _tuple_pair(items: list[Fraction], correct: bool, rng: np.random.Generator) -> tuple[str, str]:
    if correct:
        body = ", ".join(equivalent_number(i, rng, False) for i in items)
        ans = f"\\left( {body} \\right)" if rng.random() < 0.3 else f"({body})"
        return wrap(ans, rng, None, False), "equivalent"
    if list(reversed(items)) != items and rng.random() < 0.4:
        return wrap("(" + ", ".join(tex(i) for i in reversed(items)) + ")", rng, None, False), "swapped"
    k = int(rng.integers(len(items)))
    bad = [wrong_number(i, rng) if j == k else i for j, i in enumerate(items)]
    return wrap("(" + ", ".join(tex(i) for i in bad) + ")", rng, None, False), "perturbed"


def _set_pair(kind: str, val: list, correct: bool, rng: np.random.Generator) -> tuple[str, str]:
    items = [tex(i) for i in val] if kind == "set" else list(val)
    if correct:
        shuffled = [items[i] for i in rng.permutation(len(items))]
        r = rng.random()
        if kind == "set" and r < 0.3:
            ans, form = ", ".join(f"x = {s}" for s in shuffled), "assignments"
        elif kind == "set" and r < 0.45:
            ans, form = " \\text{ or } ".join(f"x = {s}" for s in shuffled), "or-assignments"
        else:
            ans, form = "\\{" + ", ".join(shuffled) + "\\}", "reordered"
    elif len(items) > 1 and rng.random() < 0.35:
        ans, form = "\\{" + ", ".join(items[:-1]) + "\\}", "missing-element"
    elif kind == "set":
        k = int(rng.integers(len(items)))
        bad = [tex(wrong_number(i, rng)) if j == k else tex(i) for j, i in enumerate(val)]
        ans, form = "\\{" + ", ".join(bad) + "\\}", "perturbed"
    else:
        k = int(rng.integers(len(items)))
        flipped = items[k].replace(" + ", " # ").replace(" - ", " + ").replace(" # ", " - ")
        if flipped == items[k]:
            flipped = items[k] + " + 1"
        ans, form = "\\{" + ", ".join(flipped if j == k else s for j, s in enumerate(items)) + "\\}", "sign-flip"
    return wrap(ans, rng, None, False), form


_HALF_LINE = re.compile(rf"\((-?\\infty|{_NUM}), \\infty\)|\[({_NUM}), \\infty\)|"
                        rf"\(-\\infty, ({_NUM})\)|\(-\\infty, ({_NUM})\]")


def _interval_pair(text: str, correct: bool, rng: np.random.Generator) -> tuple[str, str]:
    if correct:
        m = _HALF_LINE.fullmatch(text)
        if m and rng.random() < 0.5:
            lo_open, lo_closed, hi_open, hi_closed = m.groups()
            ans = (f"x > {lo_open}" if lo_open else f"x \\ge {lo_closed}" if lo_closed else
                   f"x < {hi_open}" if hi_open else f"x \\le {hi_closed}")
            if lo_open == "-\\infty":
                ans = "(-\\infty, \\infty)"
            return wrap(ans, rng, None, False), "inequality"
        if "\\cup" in text and rng.random() < 0.6:
            return wrap(" \\cup ".join(reversed(text.split(" \\cup "))), rng, None, False), "reordered-union"
        return wrap(text.replace(", ", ",").replace("\\frac", "\\dfrac"), rng, None, False), "respelled"
    r = rng.random()
    parts = text.split(" \\cup ")
    if len(parts) > 1 and r < 0.3:
        return wrap(" \\cup ".join(parts[:-1]), rng, None, False), "missing-part"
    nums = list(re.finditer(_NUM, text))
    if nums and r < 0.65:
        m = nums[int(rng.integers(len(nums)))]
        new = tex(wrong_number(read_number(m.group()), rng))  # type: ignore[arg-type]
        return wrap(text[:m.start()] + new + text[m.end():], rng, None, False), "moved-endpoint"
    flips = {"(": "[", "[": "(", ")": "]", "]": ")"}
    idx = [i for i, c in enumerate(text) if c in flips and "infty" not in text[max(0, i - 7):i + 8]]
    if not idx:  # only infinite ends, e.g. (-oo, oo): any half-line differs
        return wrap("(0, \\infty)" if text != "(0, \\infty)" else "(1, \\infty)", rng, None, False), "changed"
    i = idx[int(rng.integers(len(idx)))]
    return wrap(text[:i] + flips[text[i]] + text[i + 1:], rng, None, False), "flipped-bracket"


def _expr_pair(gold: str, correct: bool, rng: np.random.Generator) -> tuple[str, str]:
    r = rng.random()
    if correct:
        if r < 0.3:
            ans, form = re.sub(r"(?<=[^A-Za-z]) ", "", gold), "respaced"  # "\pi x" keeps its space
        elif r < 0.6:
            ans, form = gold.replace("\\frac", "\\dfrac"), "dfrac"
        else:
            ans, form = gold, "verbatim"
    elif r < 0.4:
        ans, form = f"{gold} + 1", "plus-one"
    elif r < 0.8 and gold.strip() != "0":
        ans, form = f"-\\left({gold}\\right)", "negated"
    else:
        ans, form = hedge(gold, f"{gold} + 1", rng), "hedge"
    return wrap(ans, rng, None, False), form


def make_pair(gold: str, correct: bool, rng: np.random.Generator) -> tuple[str, str]:
    """(completion, form) whose ground-truth label is ``correct``."""
    kind, val = kind_of(gold)
    if kind == "number":
        return _number_pair(val, correct, rng)  # type: ignore[arg-type]
    if kind == "tuple":
        return _tuple_pair(val, correct, rng)  # type: ignore[arg-type]
    if kind in ("set", "expr_set"):
        return _set_pair(kind, val, correct, rng)  # type: ignore[arg-type]
    if kind == "interval":
        return _interval_pair(gold, correct, rng)
    return _expr_pair(gold, correct, rng)


def build_pairs(n: int, seed: int) -> list[dict]:
    from rlvr.envs.math.env import procedural_source

    sources = {d: procedural_source(None, d, seed) for d in range(1, 11)}
    rng = np.random.default_rng([seed, 2024])
    pairs = []
    for i in range(n):
        d = 1 + i % 10
        item = sources[d][i]
        correct = i % 2 == 0
        completion, form = make_pair(item["answer"], correct, rng)
        pairs.append({"family": item["family"], "difficulty": d, "gold": item["answer"], "completion": completion,
                      "label": correct, "kind": kind_of(item["answer"])[0], "form": form})
    return pairs


# -- the two verifiers --------------------------------------------------------------------------------


def run_both(pairs: list[dict], timeout: float, chunk: int = 200) -> tuple[list[dict], float, list[bool], float]:
    """Both verifiers on the same pairs, alternating in chunks so that load on the machine
    (other processes) weighs on both alike. Returns (rlvr verdicts, rlvr seconds, math-verify
    booleans, math-verify seconds); each side's clock runs only while it verifies."""
    from math_verify import parse, verify

    from rlvr.verifiers.math import verify_math, warm_up

    warm_up(1, wait=True)
    verify_math("\\boxed{x^2}", "x^{2} + 0")  # the worker answers once before any clock starts
    logging.getLogger("math_verify").setLevel(logging.CRITICAL)
    verify(parse("$x^2$"), parse("$x^{2} + 0$"))  # imports and caches warmed likewise
    rl: list[dict] = []
    mv: list[bool] = []
    rl_s = mv_s = 0.0
    for lo in range(0, len(pairs), chunk):
        block = pairs[lo:lo + chunk]
        start = time.perf_counter()
        for p in block:
            v = verify_math(p["completion"], p["gold"], timeout=timeout)
            rl.append({"status": v.status, "reason": v.reason})
        rl_s += time.perf_counter() - start
        start = time.perf_counter()
        for p in block:
            try:
                mv.append(bool(verify(parse(f"${p['gold']}$"), parse(p["completion"]))))
            except Exception:  # noqa: BLE001 - count a crash as "not verified", like its own timeout path
                mv.append(False)
        mv_s += time.perf_counter() - start
    return rl, rl_s, mv, mv_s


def fast_path_cost(repeats: int = 20000) -> dict[str, float]:
    """Microseconds per ``verify_math`` call that the fast path decides, on typical completions."""
    from rlvr.verifiers.math import verify_math

    cases = {
        "boxed_integer": ("The answer is $\\boxed{42}$.", "42"),
        "boxed_decimal_vs_fraction": ("So the probability is $\\boxed{0.375}$.", "\\frac{3}{8}"),
        "answer_line_negative_fraction": ("We simplify.\nAnswer: -\\frac{5}{12}", "-\\frac{5}{12}"),
        "reasoning_600_chars_boxed": ((FILLER[0] + " ") * 8 + "\\boxed{-1118}", "-1118"),
        "interval": ("Hence $\\boxed{(-\\infty, \\frac{7}{3}]}$", "(-\\infty, \\frac{7}{3}]"),
        "set_reordered": ("\\boxed{\\{5, -3\\}}", "\\{-3, 5\\}"),
        "hedge": ("\\boxed{4, 5}", "4"),
    }
    out = {}
    for name, (completion, gold) in cases.items():
        verify_math(completion, gold)
        start = time.perf_counter()
        for _ in range(repeats):
            verify_math(completion, gold)
        out[name] = round((time.perf_counter() - start) / repeats * 1e6, 2)
    return out


def fast_path_share(pairs: list[dict]) -> float:
    """Share of pairs ``verify_math`` decides without the SymPy worker (same logic, replayed)."""
    from rlvr.verifiers.math import _gold
    from rlvr.verifiers.math_extract import extract_answer
    from rlvr.verifiers.math_fast import fast_compare, fast_structure, fast_value, is_flat_list
    from rlvr.verifiers.math_normalize import normalize

    fast = 0
    for p in pairs:
        found = extract_answer(p["completion"])
        if found.text is None:
            fast += 1
            continue
        norm, gold = normalize(found.text).text, _gold(p["gold"])
        if not norm or norm == gold.text:
            fast += 1
        elif gold.fast is not None:
            if gold.fast[0] == "num" and (fast_value(norm) is not None or is_flat_list(norm)):
                fast += 1
                continue
            a = fast_structure(norm)
            fast += a is not None and fast_compare(gold.fast, a) is not None
    return fast / len(pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=5.0, help="verify_math timeout (math-verify uses its own 5 s)")
    args = parser.parse_args()

    from rlvr.envs.math.families import FAMILIES

    pairs = build_pairs(args.pairs, args.seed)
    rl, rl_s, mv, mv_s = run_both(pairs, args.timeout)
    labels = [p["label"] for p in pairs]
    rl_ok = [r["status"] == "correct" for r in rl]
    n = len(pairs)

    disagreements = []
    for p, r, m in zip(pairs, rl, mv):
        if (r["status"] == "correct") != m:
            disagreements.append({
                "family": p["family"], "difficulty": p["difficulty"], "kind": p["kind"], "form": p["form"],
                "gold": p["gold"], "completion": p["completion"][-300:], "label": p["label"],
                "rlvr": r, "math_verify": m, "right": "rlvr" if (r["status"] == "correct") == p["label"] else "math_verify"})
    by = collections.defaultdict(lambda: [0, 0, 0])  # kind -> [n, rlvr right, math-verify right]
    for p, r, m in zip(pairs, rl_ok, mv):
        row = by[p["kind"]]
        row[0] += 1
        row[1] += r == p["label"]
        row[2] += m == p["label"]
    result = {
        "pairs": n, "seed": args.seed, "families": sorted(FAMILIES), "n_families": len(FAMILIES),
        "difficulties": "1-10, item i at difficulty 1 + i % 10", "correct_labels": sum(labels),
        "agreement": round(sum(a == b for a, b in zip(rl_ok, mv)) / n, 4),
        "accuracy": {"rlvr": round(sum(a == b for a, b in zip(rl_ok, labels)) / n, 4),
                     "math_verify": round(sum(a == b for a, b in zip(mv, labels)) / n, 4)},
        "throughput_pairs_per_s": {"rlvr": round(n / rl_s, 1), "math_verify": round(n / mv_s, 1)},
        "speedup": round(mv_s / rl_s, 2),
        "seconds": {"rlvr": round(rl_s, 2), "math_verify": round(mv_s, 2)},
        "rlvr_fast_path_share": round(fast_path_share(pairs), 4),
        "rlvr_fast_path_us_per_call": fast_path_cost(),
        "rlvr_reasons": dict(collections.Counter(r["reason"] for r in rl)),
        "rlvr_errors": sum(r["status"] == "error" for r in rl),
        "by_kind": {k: {"pairs": v[0], "rlvr_accuracy": round(v[1] / v[0], 4),
                        "math_verify_accuracy": round(v[2] / v[0], 4)} for k, v in sorted(by.items())},
        "disagreements_right": dict(collections.Counter(d["right"] for d in disagreements)),
        "disagreements": disagreements,
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "math_verify": _version("math-verify"), "latex2sympy2_extended": _version("latex2sympy2_extended")},
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1) + "\n")

    print(f"{n} pairs from {len(FAMILIES)} families, difficulties 1-10 ({sum(labels)} labelled correct)")
    print(f"{'':14}{'accuracy':>10}{'pairs/s':>12}")
    print(f"{'rlvr':14}{result['accuracy']['rlvr']:>10.4f}{result['throughput_pairs_per_s']['rlvr']:>12.1f}")
    print(f"{'math-verify':14}{result['accuracy']['math_verify']:>10.4f}{result['throughput_pairs_per_s']['math_verify']:>12.1f}")
    print(f"agreement {result['agreement']:.4f}; {len(disagreements)} disagreements, label sides with "
          f"{result['disagreements_right']}; speed-up x{result['speedup']}")
    print(f"fast path: {result['rlvr_fast_path_share']:.1%} of pairs, µs/call {result['rlvr_fast_path_us_per_call']}")
    print(f"wrote {RESULTS}")


def _version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "?"


if __name__ == "__main__":
    main()
