"""Counting: combinations, permutations, arrangements with repetition, and classic constraints.

Difficulty 1 chooses or orders a few people out of at most 15; then come
strings with repetition, anagrams of words with repeated letters, round
tables, choices from several groups, stars and bars (with positivity and lower bounds), committees with
"at least" constraints, lattice paths (through or avoiding a point), people
who must or must not sit together, derangements and inclusion-exclusion.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import comb, factorial, lcm, perm, prod

import numpy as np

from rlvr.envs.math.families.base import FamilyConfig, Problem, register_family
from rlvr.envs.math.families.sampling import pick, randint, sample

POOLS = {
    1: ("choose", "permute"), 2: ("choose", "permute", "strings"), 3: ("words", "circular", "strings", "no_adjacent"),
    4: ("words", "stars_bars", "no_adjacent"), 5: ("words", "mixed_selection", "stars_bars_bounded"),
    6: ("together", "apart", "committee", "words", "mixed_selection"),
    7: ("grid_through", "derangements", "stars_bars_bounded", "words"),
    8: ("inclusion_exclusion", "committee", "grid_through", "words"),
    9: ("grid_avoid", "inclusion_exclusion", "stars_bars_bounded", "words"),
    10: ("grid_avoid", "inclusion_exclusion", "words", "committee"),
}
LETTERS = "ABCDEFGHIJKLMNOPRSTU"


@dataclass
class CombinatoricsConfig(FamilyConfig):
    """Knobs of ``combinatorics``; see :class:`FamilyConfig` for ``difficulty``."""

    def __post_init__(self) -> None:
        super().__post_init__()


def derangements(n: int) -> int:
    """Inclusion-exclusion: sum_k (-1)^k n! / k!."""
    return sum((-1) ** k * factorial(n) // factorial(k) for k in range(n + 1))


def generate(rng: np.random.Generator, config: CombinatoricsConfig) -> Problem:
    d = config.difficulty
    kind = pick(rng, POOLS[d])
    if kind == "choose":
        n = randint(rng, 5, 12 + 2 * d)
        k = randint(rng, 2, min(n - 2, 4 + d))
        thing = pick(rng, ("people to form a committee", "books to take on a trip", "toppings for a pizza",
                           "cards from a set of distinct cards", "students for a team"))
        q = f"In how many ways can you choose ${k}$ {thing} out of ${n}$ (order does not matter)?"
        return Problem(q, str(comb(n, k)), {"kind": kind, "n": n, "k": k})
    if kind == "permute":
        n = randint(rng, 5, 12 + 2 * d)
        k = randint(rng, 2, min(n - 1, 3 + d))
        q = (f"In how many ways can ${k}$ different numbered prizes be given to ${k}$ of ${n}$ people, "
             f"at most one prize per person?")
        return Problem(q, str(perm(n, k)), {"kind": kind, "n": n, "k": k})
    if kind in ("strings", "no_adjacent"):
        n, k = randint(rng, 2, 10), randint(rng, 3, 8)
        if kind == "strings":
            q = (f"How many strings of length ${k}$ can be formed from an alphabet of ${n}$ letters "
                 f"(letters may repeat)?")
            return Problem(q, str(n**k), {"kind": kind, "n": n, "k": k})
        q = (f"How many strings of length ${k}$ over an alphabet of ${n}$ letters have no two equal adjacent "
             f"letters?")
        return Problem(q, str(n * (n - 1) ** (k - 1)), {"kind": kind, "n": n, "k": k})
    if kind == "words":
        length = randint(rng, 5, 8 if d < 10 else 11)
        distinct = randint(rng, 2, min(length - 1, 6))
        letters = sample(rng, LETTERS, distinct)
        counts = [1] * distinct
        for _ in range(length - distinct):
            counts[randint(rng, 0, distinct - 1)] += 1
        word = list("".join(c * n for c, n in zip(letters, counts)))
        word = "".join(word[int(i)] for i in rng.permutation(len(word)))
        value = factorial(length) // prod(factorial(c) for c in counts)
        q = f"How many distinct arrangements of the letters of the string $\\text{{{word}}}$ are there?"
        return Problem(q, str(value), {"kind": kind, "word": word})
    if kind == "circular":
        n = randint(rng, 4, 12)
        q = (f"In how many ways can ${n}$ people be seated around a round table, if seatings that differ only "
             f"by a rotation count as the same?")
        return Problem(q, str(factorial(n - 1)), {"kind": kind, "n": n})
    if kind in ("stars_bars", "stars_bars_bounded"):
        k, n = randint(rng, 2, 6), randint(rng, 5, 30)
        if kind == "stars_bars":
            positive = pick(rng, (False, True))
            word = "positive" if positive else "non-negative"
            value = comb(n - 1, k - 1) if positive else comb(n + k - 1, k - 1)
            bounds = [1 if positive else 0] * k
        else:
            bounds = [randint(rng, 0, 4) for _ in range(k)]
            n = max(n, sum(bounds) + 1)
            value = comb(n - sum(bounds) + k - 1, k - 1)
        names = ", ".join(f"x_{{{i + 1}}}" for i in range(k))
        total = " + ".join(f"x_{{{i + 1}}}" for i in range(k))
        if kind == "stars_bars":
            q = f"How many solutions in {word} integers $({names})$ does ${total} = {n}$ have?"
        else:
            conds = ", ".join(f"$x_{{{i + 1}}} \\ge {b}$" for i, b in enumerate(bounds))
            q = f"How many integer solutions $({names})$ does ${total} = {n}$ have with {conds}?"
        return Problem(q, str(value), {"kind": kind, "n": n, "lower_bounds": bounds})
    if kind == "committee":  # at least j women (and, from difficulty 10, at least i men)
        men, women = randint(rng, 4, 15), randint(rng, 4, 15)
        r = randint(rng, 3, 8)
        j = randint(rng, 1, min(women, r))
        i = randint(rng, 1, r - j) if d >= 10 and r - j >= 1 else 0
        value = sum(comb(women, t) * comb(men, r - t) for t in range(j, min(women, r - i) + 1))
        extra = f" and at least ${i}$ {'man' if i == 1 else 'men'}" if i else ""
        q = (f"A committee of ${r}$ is chosen from ${men}$ men and ${women}$ women. How many committees contain "
             f"at least ${j}$ {'woman' if j == 1 else 'women'}{extra}?")
        return Problem(q, str(value), {"kind": kind, "men": men, "women": women, "size": r, "at_least": [j, i]})
    if kind == "mixed_selection":  # a from group 1, b from group 2, c from group 3
        sizes = [randint(rng, 3, 12) for _ in range(3)]
        picks = [randint(rng, 1, n - 1) for n in sizes]
        things = ("novels", "poems", "plays")
        value = prod(comb(n, k) for n, k in zip(sizes, picks))
        have = ", ".join(f"${n}$ {t}" for n, t in zip(sizes, things))
        want = ", ".join(f"${k}$ {t}" for k, t in zip(picks, things))
        q = (f"A shelf holds {have}, all different. In how many ways can you choose {want} "
             f"(order does not matter)?")
        return Problem(q, str(value), {"kind": kind, "sizes": sizes, "picks": picks})
    if kind in ("grid_paths", "grid_through", "grid_avoid"):
        a, b = randint(rng, 3, 6 + d), randint(rng, 3, 6 + d)  # (6+d)^2 targets, times the point below
        q = (f"A path on the integer grid goes from $(0, 0)$ to $({a}, {b})$ using unit steps right $(1, 0)$ "
             f"and up $(0, 1)$.")
        params = {"kind": kind, "target": [a, b]}
        if kind == "grid_paths":
            return Problem(q + " How many such paths are there?", str(comb(a + b, a)), params)
        px, py = randint(rng, 1, a - 1), randint(rng, 1, b - 1)
        through = comb(px + py, px) * comb(a - px + b - py, a - px)
        params["point"] = [px, py]
        if kind == "grid_through":
            return Problem(q + f" How many such paths pass through $({px}, {py})$?", str(through), params)
        return Problem(q + f" How many such paths avoid the point $({px}, {py})$?", str(comb(a + b, a) - through),
                       params)
    if kind in ("together", "apart"):
        n = randint(rng, 4, 8)
        together = 2 * factorial(n - 1)
        word = "sit next to each other" if kind == "together" else "do not sit next to each other"
        value = together if kind == "together" else factorial(n) - together
        q = f"In how many ways can ${n}$ people sit in a row of ${n}$ chairs if two particular people {word}?"
        return Problem(q, str(value), {"kind": kind, "n": n})
    if kind == "derangements":
        n = randint(rng, 4, 7 if d < 9 else 10)
        q = (f"${n}$ people each put a hat in a pile and then each takes one hat back at random. In how many of the "
             f"${n}!$ ways does nobody get their own hat?")
        return Problem(q, str(derangements(n)), {"kind": kind, "n": n})
    # inclusion_exclusion: integers in 1..N divisible by at least one of a, b, c
    big = randint(rng, 100, 20_000)
    divs = sorted(sample(rng, list(range(2, 16)), 3))
    value = 0
    for mask in range(1, 8):
        chosen = [v for i, v in enumerate(divs) if mask >> i & 1]
        value += (-1) ** (len(chosen) + 1) * (big // lcm(*chosen))
    q = (f"How many integers $n$ with $1 \\le n \\le {big}$ are divisible by at least one of ${divs[0]}$, "
         f"${divs[1]}$ and ${divs[2]}$?")
    return Problem(q, str(value), {"kind": kind, "N": big, "divisors": divs})


register_family("combinatorics", generate, CombinatoricsConfig,
                "combinations, permutations, arrangements with repetition, stars and bars, paths, derangements")
