"""Probability with exact fractions: dice, coins, cards, urns, conditional probability and Bayes.

Difficulty 1 is an event on one die or a few coins; then come sums of two
dice, a card from a standard deck, draws without replacement from urns,
numbered cards, several possibly different dice (sums, maxima), draws with
replacement, conditional probabilities on dice, Bayes' rule over urns, and
three cards from a standard deck at difficulty 10. Every answer is a
fraction in lowest terms computed by counting or by exact formulas.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import comb, prod

import numpy as np

from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.latex import frac
from rlvr.envs.math.families.sampling import pick, randint

POOLS = {
    1: ("one_die", "coins"), 2: ("one_die", "two_dice", "card_one"), 3: ("two_dice", "coins", "card_one"),
    4: ("urn", "coins", "two_dice"), 5: ("urn", "numbered_cards", "dice_k"),
    6: ("urn", "numbered_cards", "dice_k", "two_cards"), 7: ("replacement", "dice_k", "numbered_cards"),
    8: ("conditional_dice", "urn", "numbered_cards", "three_cards"), 9: ("bayes", "dice_k", "conditional_dice"),
    10: ("bayes", "dice_k", "numbered_cards", "conditional_dice"),
}
LOWEST = "Give the answer as a fraction in lowest terms."
PRIMES = {2, 3, 5, 7, 11, 13, 17, 19}


@dataclass
class ProbabilityConfig(FamilyConfig):
    """Knobs of ``probability``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def _die_event(rng: np.random.Generator, sides: int) -> tuple[str, str, int]:
    """(description, code, parameter) of an event on one die roll."""
    kind = pick(rng, ("greater", "at_most", "even", "prime", "multiple", "square"))
    t = randint(rng, 1, sides - 1)
    m = randint(rng, 2, max(2, sides // 2))
    text = {"greater": f"greater than ${t}$", "at_most": f"at most ${t}$", "even": "even", "prime": "a prime",
            "multiple": f"a multiple of ${m}$", "square": "a perfect square"}[kind]
    return text, kind, m if kind == "multiple" else t


def _die_holds(v: int, kind: str, t: int) -> bool:
    return {"greater": v > t, "at_most": v <= t, "even": v % 2 == 0, "prime": v in PRIMES,
            "multiple": v % t == 0, "square": int(v**0.5) ** 2 == v}[kind]


def generate(rng: np.random.Generator, config: ProbabilityConfig) -> Problem:
    d = config.difficulty
    kind = pick(rng, POOLS[d])
    if kind == "one_die":
        sides = pick(rng, (4, 6, 8, 10, 12, 20))
        text, code, t = _die_event(rng, sides)
        p = Fraction(sum(_die_holds(v, code, t) for v in range(1, sides + 1)), sides)
        q = (f"A fair ${sides}$-sided die with faces $1$ to ${sides}$ is rolled. What is the probability that the "
             f"result is {text}? {LOWEST}")
        return Problem(q, frac(p), {"kind": kind, "sides": sides, "event": code, "t": t})
    if kind == "coins":
        n = randint(rng, 2, 4 if d == 1 else 12)
        k = randint(rng, 0, n)
        at_least = d >= 3 and pick(rng, (False, True))
        ways = sum(comb(n, j) for j in range(k, n + 1)) if at_least else comb(n, k)
        word = f"at least ${k}$" if at_least else f"exactly ${k}$"
        q = f"A fair coin is tossed ${n}$ times. What is the probability of getting {word} heads? {LOWEST}"
        return Problem(q, frac(Fraction(ways, 2**n)), {"kind": kind, "n": n, "k": k, "at_least": at_least})
    if kind in ("two_dice", "dice_k"):
        if kind == "two_dice":
            sides = [6, 6]
            event = pick(rng, ("sum_eq", "sum_ge"))
        else:  # possibly different dice, e.g. a 6-sided, an 8-sided and a 12-sided die
            sides = sorted(pick(rng, (4, 5, 6, 8, 10, 12, 20)) for _ in range(randint(rng, 2, 4)))
            event = pick(rng, ("sum_eq", "sum_ge", "sum_le", "sum_between", "max_le"))
        counts = [1]  # counts[s] = ways to roll total s, by polynomial convolution
        for n_faces in sides:
            nxt = [0] * (len(counts) + n_faces)
            for s_, c in enumerate(counts):
                for f in range(1, n_faces + 1):
                    nxt[s_ + f] += c
            counts = nxt
        total = prod(sides)
        t = randint(rng, len(sides), sum(sides))
        if event == "sum_eq":
            ways, text = counts[t], f"the sum is ${t}$"
        elif event == "sum_ge":
            ways, text = sum(counts[t:]), f"the sum is at least ${t}$"
        elif event == "sum_le":
            ways, text = sum(counts[:t + 1]), f"the sum is at most ${t}$"
        elif event == "max_le":
            t = randint(rng, 1, max(sides) - 1)
            ways, text = prod(min(t, n) for n in sides), f"every die shows at most ${t}$"
        else:  # sum_between: t <= sum <= t + w
            w = randint(rng, 1, max(1, sum(sides) - t))
            ways, text = sum(counts[t:t + w + 1]), f"the sum is between ${t}$ and ${t + w}$ inclusive"
            t = [t, t + w]
        if len(set(sides)) == 1:
            dice = f"${len(sides)}$ fair ${sides[0]}$-sided dice (faces $1$ to ${sides[0]}$) are"
        else:
            dice = "fair dice with " + ", ".join(f"${n}$" for n in sides[:-1]) + f" and ${sides[-1]}$ sides " \
                   "(faces numbered from $1$) are"
        q = f"{dice} rolled. What is the probability that {text}? {LOWEST}"
        return Problem(q, frac(Fraction(ways, total)), {"kind": kind, "sides": sides, "event": event, "t": t})
    if kind == "card_one":
        suit = pick(rng, ("hearts", "diamonds", "clubs", "spades"))
        rank = pick(rng, ("ace", "king", "queen", "jack", "2", "3", "4", "5", "6", "7", "8", "9", "10"))
        event = pick(rng, ("suit_or_rank", "face", "red_or_rank", "not_suit"))
        ways = {"suit_or_rank": 13 + 4 - 1, "face": 12, "red_or_rank": 26 + 2, "not_suit": 39}[event]  # by counting
        text = {"suit_or_rank": f"one of the {suit} or a card of rank {rank}",
                "face": "a face card (jack, queen or king)", "red_or_rank": f"red or of rank {rank}",
                "not_suit": f"not one of the {suit}"}[event]
        q = (f"One card is drawn from a standard shuffled $52$-card deck. What is the probability that it is "
             f"{text}? {LOWEST}")
        return Problem(q, frac(Fraction(ways, 52)), {"kind": kind, "event": event, "suit": suit, "rank": rank})
    if kind in ("urn", "replacement"):
        colors = [randint(rng, 1, 12), randint(rng, 1, 12), randint(rng, 0, 8)]
        n = sum(colors)
        k = randint(rng, 2, min(4, n - 1))
        j = randint(rng, 0, min(k, colors[0]))
        if kind == "urn":
            p = Fraction(comb(colors[0], j) * comb(n - colors[0], k - j), comb(n, k))
            how = "without replacement"
        else:
            r = Fraction(colors[0], n)
            p = comb(k, j) * r**j * (1 - r) ** (k - j)
            how = "with replacement (each ball is put back before the next draw)"
        green = f" and ${colors[2]}$ green" if colors[2] else ""
        q = (f"An urn holds ${colors[0]}$ red, ${colors[1]}$ blue{green} balls. ${k}$ balls are drawn at random "
             f"{how}. What is the probability that exactly ${j}$ of them are red? {LOWEST}")
        return Problem(q, frac(p), {"kind": kind, "colors": colors, "draws": k, "red": j})
    if kind == "numbered_cards":  # two cards without replacement from cards lo..hi
        n, lo = randint(rng, 8, 40), randint(rng, 1, 30)
        hi = lo + n - 1
        event = pick(rng, ("sum_even", "sum_eq", "sum_ge", "product_even", "diff_eq", "both_le"))
        t = {"sum_eq": randint(rng, 2 * lo + 1, 2 * hi - 1), "sum_ge": randint(rng, 2 * lo + 1, 2 * hi - 1),
             "diff_eq": randint(rng, 1, n - 1), "both_le": randint(rng, lo + 1, hi)}.get(event, 0)
        pairs = comb(n, 2)
        evens = hi // 2 - (lo - 1) // 2
        odds = n - evens
        if event == "sum_even":
            ways, text = comb(evens, 2) + comb(odds, 2), "the sum of the two numbers is even"
        elif event == "product_even":
            ways, text = pairs - comb(odds, 2), "the product of the two numbers is even"
        elif event == "diff_eq":
            ways, text = n - t, f"the two numbers differ by ${t}$"
        elif event == "both_le":
            ways, text = comb(t - lo + 1, 2), f"both numbers are at most ${t}$"
        else:  # pairs a < b with a + b = s: a runs from max(lo, s - hi) to (s - 1) // 2
            def pairs_with_sum(s: int) -> int:
                return max(0, (s - 1) // 2 - max(lo, s - hi) + 1)
            if event == "sum_eq":
                ways, text = pairs_with_sum(t), f"the sum of the two numbers is ${t}$"
            else:
                ways = sum(pairs_with_sum(s) for s in range(t, 2 * hi))
                text = f"the sum of the two numbers is at least ${t}$"
        q = (f"Two different cards are drawn at random from ${n}$ cards numbered ${lo}$ to ${hi}$. What is the "
             f"probability that {text}? {LOWEST}")
        return Problem(q, frac(Fraction(ways, pairs)), {"kind": kind, "low": lo, "high": hi, "event": event, "t": t})
    if kind in ("two_cards", "three_cards"):
        k = 2 if kind == "two_cards" else 3
        events = {2: {"both_aces": comb(4, 2), "same_suit": 4 * comb(13, 2), "heart_and_spade": 13 * 13,
                      "both_face": comb(12, 2), "at_least_one_ace": comb(52, 2) - comb(48, 2),
                      "same_rank": 13 * comb(4, 2)},
                  3: {"same_suit": 4 * comb(13, 3), "different_suits": 4 * 13**3, "same_rank": 13 * comb(4, 3),
                      "at_least_one_ace": comb(52, 3) - comb(48, 3), "all_face": comb(12, 3),
                      "different_ranks": comb(13, 3) * 4**3}}[k]
        event = pick(rng, sorted(events))
        text = {"both_aces": "both are aces",
                "same_suit": f"all {k} have the same suit" if k == 3 else "both have the same suit",
                "heart_and_spade": "one is a heart and the other a spade", "both_face": "both are face cards (J, Q, K)",
                "at_least_one_ace": "at least one is an ace",
                "same_rank": f"all {k} have the same rank" if k == 3 else "both have the same rank",
                "different_suits": "all three have different suits", "all_face": "all three are face cards (J, Q, K)",
                "different_ranks": "all three have different ranks"}[event]
        q = (f"${k}$ cards are drawn without replacement from a standard shuffled $52$-card deck. What is the "
             f"probability that {text}? {LOWEST}")
        return Problem(q, frac(Fraction(events[event], comb(52, k))), {"kind": kind, "event": event})
    if kind == "conditional_dice":  # two dice: P(event | condition), counted over the outcomes
        s1, s2 = pick(rng, (4, 6, 8, 10, 12)), pick(rng, (4, 6, 8, 10, 12))
        u = randint(rng, 2, s1)
        condition = pick(rng, ("first_ge", "sum_ge"))
        event = pick(rng, ("sum_ge", "second_exceeds", "product_ge", "sum_eq"))
        c_val = u if condition == "first_ge" else randint(rng, 3, s1 + s2 - 1)
        if event.startswith("sum"):
            t = randint(rng, 3, s1 + s2)
        else:
            t = randint(rng, 1, s2 - 1) if event == "second_exceeds" else randint(rng, 2, s1 * s2)
        cond = (lambda a, b: a >= c_val) if condition == "first_ge" else (lambda a, b: a + b >= c_val)
        ev = {"sum_ge": lambda a, b: a + b >= t, "second_exceeds": lambda a, b: b >= a + t,
              "product_ge": lambda a, b: a * b >= t, "sum_eq": lambda a, b: a + b == t}[event]
        given = [(a, b) for a in range(1, s1 + 1) for b in range(1, s2 + 1) if cond(a, b)]
        ways = sum(1 for a, b in given if ev(a, b))
        c_text = (f"the first die shows at least ${c_val}$" if condition == "first_ge"
                  else f"the sum is at least ${c_val}$")
        e_text = {"sum_ge": f"the sum is at least ${t}$",
                  "second_exceeds": f"the second die shows at least ${t}$ more than the first",
                  "product_ge": f"the product is at least ${t}$", "sum_eq": f"the sum is ${t}$"}[event]
        q = (f"A fair ${s1}$-sided die and a fair ${s2}$-sided die (faces numbered from $1$) are rolled, the "
             f"${s1}$-sided one first. Given that {c_text}, what is the probability that {e_text}? {LOWEST}")
        return Problem(q, frac(Fraction(ways, len(given))), {"kind": kind, "sides": [s1, s2], "condition": condition,
                                                              "c": c_val, "event": event, "t": t})
    # bayes: urn A chosen with probability p, else urn B; one ball drawn is red; P(A | red)
    a_red, a_blue, b_red, b_blue = randint(rng, 1, 9), randint(rng, 1, 9), randint(rng, 1, 9), randint(rng, 1, 9)
    p = Fraction(randint(rng, 1, 5), 6) if d >= 10 else Fraction(1, 2)
    num = p * Fraction(a_red, a_red + a_blue)
    den = num + (1 - p) * Fraction(b_red, b_red + b_blue)
    choose = "with a fair coin" if p == Fraction(1, 2) else f"urn A with probability ${frac(p)}$ and urn B otherwise"
    q = (f"Urn A holds ${a_red}$ red and ${a_blue}$ blue balls; urn B holds ${b_red}$ red and ${b_blue}$ blue balls. "
         f"An urn is chosen ({choose}) and one ball is drawn from it; it is red. What is the probability that it "
         f"came from urn A? {LOWEST}")
    return Problem(q, frac(num / den), {"kind": kind, "urn_a": [a_red, a_blue], "urn_b": [b_red, b_blue],
                                        "p_a": str(p)})


register_family("probability", generate, ProbabilityConfig,
                "exact probabilities with dice, coins, cards and urns; conditional probability and Bayes")
