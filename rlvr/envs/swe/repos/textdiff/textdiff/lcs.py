"""Longest common subsequence and edit operations between two sequences.

The sequences hold any comparable items (lines, words). The common prefix
and suffix are matched first, so the quadratic table only covers the part
that differs.
"""

from __future__ import annotations

from typing import Sequence

TAGS = ("equal", "delete", "insert", "replace")


def common_prefix(a: Sequence, b: Sequence) -> int:
    """Return how many leading items ``a`` and ``b`` share."""
    limit = min(len(a), len(b))
    count = 0
    while count < limit and a[count] == b[count]:
        count += 1
    return count


def common_suffix(a: Sequence, b: Sequence, skip: int = 0) -> int:
    """Return how many trailing items are shared, not reaching into the first ``skip``."""
    limit = min(len(a), len(b)) - skip
    count = 0
    while count < limit and a[len(a) - 1 - count] == b[len(b) - 1 - count]:
        count += 1
    return count


def lcs_table(a: Sequence, b: Sequence) -> list[list[int]]:
    """Return ``t`` where ``t[i][j]`` is the LCS length of ``a[i:]`` and ``b[j:]``."""
    rows, cols = len(a), len(b)
    table = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            if a[i] == b[j]:
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    return table


def matching_pairs(a: Sequence, b: Sequence) -> list[tuple[int, int]]:
    """Return the index pairs ``(i, j)`` of one longest common subsequence.

    Where several exist, deletions are preferred before insertions, so the
    result is deterministic.
    """
    prefix = common_prefix(a, b)
    suffix = common_suffix(a, b, prefix)
    middle_a = a[prefix : len(a) - suffix]
    middle_b = b[prefix : len(b) - suffix]
    pairs = [(k, k) for k in range(prefix)]
    table = lcs_table(middle_a, middle_b)
    i = j = 0
    while i < len(middle_a) and j < len(middle_b):
        if middle_a[i] == middle_b[j]:
            pairs.append((prefix + i, prefix + j))
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    tail_a, tail_b = len(a) - suffix, len(b) - suffix
    pairs.extend((tail_a + k, tail_b + k) for k in range(suffix))
    return pairs


def lcs_length(a: Sequence, b: Sequence) -> int:
    """Return the length of the longest common subsequence."""
    return len(matching_pairs(a, b))


def opcodes(a: Sequence, b: Sequence) -> list[tuple[str, int, int, int, int]]:
    """Describe how to turn ``a`` into ``b``.

    Returns ``(tag, i1, i2, j1, j2)`` tuples: ``equal`` (``a[i1:i2] ==
    b[j1:j2]``), ``delete`` (drop ``a[i1:i2]``), ``insert`` (add
    ``b[j1:j2]``) or ``replace`` (both), covering both sequences in order.
    """
    ops: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for match_i, match_j in matching_pairs(a, b) + [(len(a), len(b))]:
        if i < match_i and j < match_j:
            ops.append(("replace", i, match_i, j, match_j))
        elif i < match_i:
            ops.append(("delete", i, match_i, j, j))
        elif j < match_j:
            ops.append(("insert", i, i, j, match_j))
        if match_i == len(a) and match_j == len(b):
            break
        if ops and ops[-1][0] == "equal" and ops[-1][2] == match_i:
            tag, i1, _, j1, _ = ops[-1]
            ops[-1] = (tag, i1, match_i + 1, j1, match_j + 1)
        else:
            ops.append(("equal", match_i, match_i + 1, match_j, match_j + 1))
        i, j = match_i + 1, match_j + 1
    return ops
