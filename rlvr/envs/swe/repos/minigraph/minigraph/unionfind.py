"""Disjoint sets (union-find) with path compression and union by size."""

from __future__ import annotations

from typing import Hashable, Iterable


class DisjointSet:
    """A partition of elements into disjoint sets.

    ``find`` returns a representative of an element's set; two elements
    are in the same set exactly when their representatives are equal.
    """

    def __init__(self, elements: Iterable[Hashable] = ()) -> None:
        self._parent: dict[Hashable, Hashable] = {}
        self._size: dict[Hashable, int] = {}
        self._count = 0
        for element in elements:
            self.add(element)

    def add(self, element: Hashable) -> bool:
        """Add ``element`` as a singleton set; False if it was already present."""
        if element in self._parent:
            return False
        self._parent[element] = element
        self._size[element] = 1
        self._count += 1
        return True

    def __contains__(self, element: object) -> bool:
        return element in self._parent

    def __len__(self) -> int:
        """The number of disjoint sets."""
        return self._count

    def find(self, element: Hashable) -> Hashable:
        """The representative of ``element``'s set (added if new)."""
        self.add(element)
        root = element
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[element] != root:
            self._parent[element], element = root, self._parent[element]
        return root

    def union(self, a: Hashable, b: Hashable) -> bool:
        """Merge the sets of ``a`` and ``b``; False if they were already one set."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return False
        if self._size[root_a] < self._size[root_b]:
            root_a, root_b = root_b, root_a
        self._parent[root_b] = root_a
        self._size[root_a] += self._size[root_b]
        self._count -= 1
        return True

    def connected(self, a: Hashable, b: Hashable) -> bool:
        return self.find(a) == self.find(b)

    def set_size(self, element: Hashable) -> int:
        """Number of elements in ``element``'s set."""
        return self._size[self.find(element)]

    def groups(self) -> list[list[Hashable]]:
        """Every set as a sorted list; sets ordered by their smallest element."""
        by_root: dict[Hashable, list[Hashable]] = {}
        for element in self._parent:
            by_root.setdefault(self.find(element), []).append(element)
        return sorted((sorted(group) for group in by_root.values()), key=lambda group: group[0])
