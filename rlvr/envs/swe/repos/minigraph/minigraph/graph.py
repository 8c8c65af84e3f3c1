"""The graph structure: nodes with weighted adjacency maps.

Nodes are any hashable, mutually comparable values (ints or strings).
Neighbours are always reported in sorted order so that every traversal in
this library is deterministic.
"""

from __future__ import annotations

from typing import Hashable, Iterable

Node = Hashable


class GraphError(ValueError):
    """An operation refers to a missing node or edge, or is not allowed."""


class Graph:
    """A weighted graph, undirected unless ``directed=True``.

    Adding an edge adds its end nodes. In an undirected graph an edge
    ``(u, v)`` is stored in both adjacency maps and reported once.
    """

    def __init__(self, directed: bool = False) -> None:
        self.directed = directed
        self._adj: dict[Node, dict[Node, float]] = {}

    @classmethod
    def from_edges(cls, edges: Iterable[tuple], directed: bool = False) -> "Graph":
        """Build a graph from ``(u, v)`` or ``(u, v, weight)`` tuples."""
        graph = cls(directed)
        for edge in edges:
            if len(edge) == 2:
                graph.add_edge(edge[0], edge[1])
            elif len(edge) == 3:
                graph.add_edge(edge[0], edge[1], edge[2])
            else:
                raise GraphError(f"an edge needs 2 or 3 items, got {edge!r}")
        return graph

    def add_node(self, node: Node) -> None:
        self._adj.setdefault(node, {})

    def add_edge(self, u: Node, v: Node, weight: float = 1) -> None:
        """Add (or re-weight) the edge ``u -> v``."""
        self.add_node(u)
        self.add_node(v)
        self._adj[u][v] = weight
        if not self.directed:
            self._adj[v][u] = weight

    def remove_edge(self, u: Node, v: Node) -> None:
        if not self.has_edge(u, v):
            raise GraphError(f"no edge {u!r} -> {v!r}")
        del self._adj[u][v]
        if not self.directed and u != v:
            del self._adj[v][u]

    def remove_node(self, node: Node) -> None:
        """Remove ``node`` and every edge touching it."""
        self._require(node)
        for other in self._adj:
            self._adj[other].pop(node, None)
        del self._adj[node]

    def _require(self, node: Node) -> None:
        if node not in self._adj:
            raise GraphError(f"node {node!r} is not in the graph")

    def __contains__(self, node: object) -> bool:
        return node in self._adj

    def __len__(self) -> int:
        return len(self._adj)

    def nodes(self) -> list[Node]:
        return sorted(self._adj)

    def has_edge(self, u: Node, v: Node) -> bool:
        return u in self._adj and v in self._adj[u]

    def weight(self, u: Node, v: Node) -> float:
        if not self.has_edge(u, v):
            raise GraphError(f"no edge {u!r} -> {v!r}")
        return self._adj[u][v]

    def neighbors(self, node: Node) -> list[Node]:
        """Successors of ``node`` in sorted order."""
        self._require(node)
        return sorted(self._adj[node])

    def predecessors(self, node: Node) -> list[Node]:
        """Nodes with an edge into ``node``, sorted."""
        self._require(node)
        return sorted(u for u in self._adj if node in self._adj[u])

    def degree(self, node: Node) -> int:
        """Number of edges leaving ``node`` (a self-loop counts twice if undirected)."""
        self._require(node)
        loops = 1 if (not self.directed and node in self._adj[node]) else 0
        return len(self._adj[node]) + loops

    def in_degree(self, node: Node) -> int:
        return len(self.predecessors(node))

    def edges(self) -> list[tuple[Node, Node, float]]:
        """``(u, v, weight)`` for every edge, sorted; undirected edges once with u <= v."""
        result = []
        for u in self.nodes():
            for v in sorted(self._adj[u]):
                if self.directed or u <= v:
                    result.append((u, v, self._adj[u][v]))
        return result

    def number_of_edges(self) -> int:
        return len(self.edges())

    def total_weight(self) -> float:
        return sum(weight for _, _, weight in self.edges())

    def copy(self) -> "Graph":
        clone = Graph(self.directed)
        for node, targets in self._adj.items():
            clone._adj[node] = dict(targets)
        return clone

    def reverse(self) -> "Graph":
        """The graph with every edge turned around (a copy if undirected)."""
        if not self.directed:
            return self.copy()
        flipped = Graph(directed=True)
        for node in self._adj:
            flipped.add_node(node)
        for u, v, weight in self.edges():
            flipped.add_edge(v, u, weight)
        return flipped

    def subgraph(self, nodes: Iterable[Node]) -> "Graph":
        """The graph induced by ``nodes``."""
        keep = set(nodes)
        sub = Graph(self.directed)
        for node in keep:
            self._require(node)
            sub.add_node(node)
        for u, v, weight in self.edges():
            if u in keep and v in keep:
                sub.add_edge(u, v, weight)
        return sub

    def to_undirected(self) -> "Graph":
        """An undirected copy; of two opposite edges the later one's weight wins."""
        plain = Graph(directed=False)
        for node in self._adj:
            plain.add_node(node)
        for u, v, weight in self.edges():
            plain.add_edge(u, v, weight)
        return plain
