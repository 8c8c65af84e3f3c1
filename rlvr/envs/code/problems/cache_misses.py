"""Simulate a least-recently-used cache: an ordered dictionary gives O(1) per request."""

from __future__ import annotations

import numpy as np

from rlvr.envs.code.problems.base import CodeProblem, register_problem

STATEMENT = """
A disk controller keeps a cache with room for C pages. Requests for pages
arrive one by one. If the requested page is in the cache, it is a hit and the
page becomes the most recently used one. Otherwise it is a miss: the page is
loaded into the cache, becoming the most recently used; if the cache was
already full, the least recently used page is evicted first. The cache starts
empty. Count the misses.

Input
The first line holds n (the number of requests) and C. The second line holds
the n requested page numbers.

Output
Print the number of misses.

Constraints
1 <= n <= 100000
1 <= C <= 100000
1 <= page <= 1000000000
"""

REFERENCE = r'''
import sys
from collections import OrderedDict

def main():
    data = sys.stdin.buffer.read().split()
    n, cap = int(data[0]), int(data[1])
    cache = OrderedDict()
    misses = 0
    for p in data[2:2 + n]:
        if p in cache:
            cache.move_to_end(p)
        else:
            misses += 1
            if len(cache) >= cap:
                cache.popitem(last=False)
            cache[p] = True
    print(misses)

main()
'''

# The cache as a list in recency order: O(C) per request.
NAIVE = r'''
import sys
data = sys.stdin.buffer.read().split()
n, cap = int(data[0]), int(data[1])
cache = []
misses = 0
for p in map(int, data[2:2 + n]):
    found = -1
    for i in range(len(cache)):
        if cache[i] == p:
            found = i
            break
    if found >= 0:
        cache.pop(found)
    else:
        misses += 1
        if len(cache) >= cap:
            cache.pop(0)
    cache.append(p)
print(misses)
'''

LARGE_TESTS = 2


def _fmt(cap: int, pages) -> str:
    return f"{len(pages)} {cap}\n{' '.join(map(str, pages))}\n"


def generate_inputs(rng: np.random.Generator) -> list[str]:
    tests = [_fmt(1, [5]), _fmt(1, [1, 1, 1]), _fmt(1, [1, 2, 1, 2]), _fmt(2, [1, 2, 1, 3, 2, 1]),
             _fmt(3, [1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5]), _fmt(100000, [10**9, 1, 10**9])]
    for _ in range(9):
        tests.append(_fmt(int(rng.integers(1, 5)), rng.integers(1, 7, size=int(rng.integers(1, 30))).tolist()))
    for _ in range(4):
        cap = int(rng.integers(5, 100))
        hi = int(rng.choice([cap, 2 * cap, 10**9])) + 1
        tests.append(_fmt(cap, rng.integers(1, hi, size=int(rng.integers(200, 800))).tolist()))
    tests.append(_fmt(50, (np.arange(800) % 51 + 1).tolist()))  # cyclic access slightly above capacity
    n = 100000
    tests.append(_fmt(50000, rng.integers(1, 60000, size=n).tolist()))
    tests.append(_fmt(100000, rng.integers(1, 10**9, size=n).tolist()))
    return tests


PUBLIC_INPUTS = ("12 3\n1 2 3 4 1 2 5 1 2 3 4 5\n",)

register_problem(CodeProblem(
    id="cache-misses", title="Counting Cache Misses", category="data_structures", difficulty="medium",
    statement=STATEMENT, reference=REFERENCE, naive=NAIVE, generate_inputs=generate_inputs,
    public_inputs=PUBLIC_INPUTS, time_limit_s=1.0,
))
