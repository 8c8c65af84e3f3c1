"""Probability with exact fractions: dice, coins, cards, urns, conditional probability and Bayes.

Difficulty 1 is an event on one die or a few coins; then come sums of two
dice, a card from a standard deck, draws without replacement from urns,
numbered cards, several dice (sums, maxima, all different), draws with
replacement, conditional probabilities on dice, Bayes' rule over urns, and
three cards from a standard deck at difficulty 10. Every answer is a
fraction in lowest terms computed by counting or by exact formulas.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import comb, factorial

import numpy as np

from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.latex import frac
from rlvr.envs.math.families.sampling import pick, randint

POOLS = {
    1: ("one_die", "coins"), 2: ("one_die", "two_dice", "card_one"), 3: ("two_dice", "coins", "card_one"),
    4: ("urn", "coins", "two_dice"), 5: ("urn", "numbered_cards", "dice_k"),
    6: ("urn", "numbered_cards", "dice_k", "two_cards"), 7: ("replacement", "dice_k", "numbered_cards"),
    8: ("conditional_dice", "urn", "numbered_cards"), 9: ("bayes", "dice_k", "conditional_dice"),
    10: ("bayes", "dice_k", "numbered_cards", "three_cards"),
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


def _sum_counts(k: int, sides: int) -> list[int]:
    """``counts[s]`` = number of ways ``k`` dice show total ``s`` (polynomial convolution)."""
    counts = [1]
    for _ in range(k):
        nxt = [0] * (len(counts) + sides)
        for s, c in enumerate(counts):
            for f in range(1, sides + 1):
                nxt[s + f] += c
        counts = nxt
    return counts


def generate(rng: np.random.Generator, config: ProbabilityConfig) -> Problem:
    d = config.difficulty
    kind = pick(rng, POOLS[d])
    if kind == "one_die":
        sides = pick(rng, (4, 6, 8, 10, 12, 20))
        text, code, t = _die_event(rng, sides)
        p = Fraction(sum(_die_holds(v, code, t) for v in range(1, sides + 1)), sides)
        q = f"A fair ${sides}$-sided die with faces $1$ to ${sides}$ is rolled. What is the probability that the result is {text}? {LOWEST}"
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
        k = 2 if kind == "two_dice" else randint(rng, 2, 3 if d < 9 else 5)
        sides = 6 if kind == "two_dice" else pick(rng, (4, 6, 8, 10, 12) if k <= 3 else (4, 6))
        counts = _sum_counts(k, sides)
        total = sides**k
        event = pick(rng, ("sum_eq", "sum_ge") if kind == "two_dice" else ("sum_eq", "sum_ge", "max_eq", "distinct"))
        t = randint(rng, k, k * sides)
        if event == "sum_eq":
            ways, text = counts[t], f"the sum is ${t}$"
        elif event == "sum_ge":
            ways, text = sum(counts[t:]), f"the sum is at least ${t}$"
        elif event == "max_eq":
            t = randint(rng, 1, sides)
            ways, text = t**k - (t - 1) ** k, f"the largest number shown is ${t}$"
        else:
            ways, text = factorial(sides) // factorial(sides - k), "all the numbers shown are different"
        q = (f"${k}$ fair ${sides}$-sided dice (faces $1$ to ${sides}$) are rolled. What is the probability that "
             f"{text}? {LOWEST}")
        return Problem(q, frac(Fraction(ways, total)), {"kind": kind, "dice": k, "sides": sides, "event": event, "t": t})
    if kind == "card_one":
        suit = pick(rng, ("hearts", "diamonds", "clubs", "spades"))
        rank = pick(rng, ("ace", "king", "queen", "jack", "2", "3", "4", "5", "6", "7", "8", "9", "10"))
        event = pick(rng, ("suit_or_rank", "face", "red_or_rank", "not_suit"))
        ways = {"suit_or_rank": 13 + 4 - 1, "face": 12, "red_or_rank": 26 + 2, "not_suit": 39}[event]  # by counting
        text = {"suit_or_rank": f"one of the {suit} or a card of rank {rank}", "face": "a face card (jack, queen or king)",
                "red_or_rank": f"red or of rank {rank}", "not_suit": f"not one of the {suit}"}[event]
        q = (f"One card is drawn from a standard shuffled $52$-card deck. What is the probability that it is "
             f"{text}? {LOWEST}")
        return Problem(q, frac(Fraction(ways, 52)), {"kind": kind, "event": event, "suit": suit, "rank": rank})
    if kind in ("urn", "replacement"):
        colors = [randint(rng, 1, 8), randint(rng, 1, 8), randint(rng, 0, 6)]
        n = sum(colors)
        k = randint(rng, 2, min(4, n - 1) if kind == "urn" else 3)
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
    if kind == "numbered_cards":  # two cards without replacement from cards 1..N
        n = randint(rng, 8, 40)
        event = pick(rng, ("sum_even", "sum_eq", "sum_ge", "product_even", "diff_eq", "both_le"))
        t = {"sum_eq": randint(rng, 3, 2 * n - 1), "sum_ge": randint(rng, 3, 2 * n - 1),
             "diff_eq": randint(rng, 1, n - 1), "both_le": randint(rng, 2, n)}.get(event, 0)
        pairs = comb(n, 2)
        evens, odds = n // 2, n - n // 2
        if event == "sum_even":
            ways, text = comb(evens, 2) + comb(odds, 2), "the sum of the two numbers is even"
        elif event == "product_even":
            ways, text = pairs - comb(odds, 2), "the product of the two numbers is even"
        elif event == "diff_eq":
            ways, text = n - t, f"the two numbers differ by ${t}$"
        elif event == "both_le":
            ways, text = comb(t, 2), f"both numbers are at most ${t}$"
        else:  # unordered pairs a < b with a + b = s: a runs from max(1, s - n) to (s - 1) // 2
            def pairs_with_sum(s: int) -> int:
                return max(0, (s - 1) // 2 - max(1, s - n) + 1)
            if event == "sum_eq":
                ways, text = pairs_with_sum(t), f"the sum of the two numbers is ${t}$"
            else:
                ways = sum(pairs_with_sum(s) for s in range(t, 2 * n))
                text = f"the sum of the two numbers is at least ${t}$"
        q = (f"Two different cards are drawn at random from ${n}$ cards numbered $1$ to ${n}$. What is the "
             f"probability that {text}? {LOWEST}")
        return Problem(q, frac(Fraction(ways, pairs)), {"kind": kind, "n": n, "event": event, "t": t})
    if kind in ("two_cards", "three_cards"):
        k = 2 if kind == "two_cards" else 3
        events = {2: {"both_aces": comb(4, 2), "same_suit": 4 * comb(13, 2), "heart_and_spade": 13 * 13,
                      "both_face": comb(12, 2), "at_least_one_ace": comb(52, 2) - comb(48, 2), "same_rank": 13 * comb(4, 2)},
                  3: {"same_suit": 4 * comb(13, 3), "different_suits": 4 * 13**3, "same_rank": 13 * comb(4, 3),
                      "at_least_one_ace": comb(52, 3) - comb(48, 3), "all_face": comb(12, 3),
                      "different_ranks": comb(13, 3) * 4**3}}[k]
        event = pick(rng, sorted(events))
        text = {"both_aces": "both are aces", "same_suit": f"all {k} have the same suit" if k == 3 else "both have the same suit",
                "heart_and_spade": "one is a heart and the other a spade", "both_face": "both are face cards (J, Q, K)",
                "at_least_one_ace": "at least one is an ace", "same_rank": f"all {k} have the same rank" if k == 3 else "both have the same rank",
                "different_suits": "all three have different suits", "all_face": "all three are face cards (J, Q, K)",
                "different_ranks": "all three have different ranks"}[event]
        q = (f"${k}$ cards are drawn without replacement from a standard shuffled $52$-card deck. What is the "
             f"probability that {text}? {LOWEST}")
        return Problem(q, frac(Fraction(events[event], comb(52, k))), {"kind": kind, "event": event})
    if kind == "conditional_dice":  # two s-sided dice: P(sum >= t | first die >= u)
        sides = pick(rng, (6, 8, 10))
        u = randint(rng, 2, sides - 1)
        t = randint(rng, u + 2, 2 * sides - 1)
        given = sides - u + 1
        ways = sum(1 for a in range(u, sides + 1) for b in range(1, sides + 1) if a + b >= t)
        q = (f"Two fair ${sides}$-sided dice (faces $1$ to ${sides}$) are rolled. Given that the first die shows at "
             f"least ${u}$, what is the probability that the sum is at least ${t}$? {LOWEST}")
        return Problem(q, frac(Fraction(ways, given * sides)), {"kind": kind, "sides": sides, "u": u, "t": t})
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
