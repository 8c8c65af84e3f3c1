"""Minimum spanning trees (Kruskal and Prim)."""

from __future__ import annotations

import heapq

from .graph import Graph, GraphError, Node
from .unionfind import DisjointSet


def _require_undirected(graph: Graph) -> None:
    if graph.directed:
        raise GraphError("spanning trees need an undirected graph")


def kruskal(graph: Graph) -> list[tuple[Node, Node, float]]:
    """Edges of a minimum spanning forest, in the order Kruskal adds them.

    Edges of equal weight are taken in sorted ``(u, v)`` order.
    """
    _require_undirected(graph)
    sets = DisjointSet(graph.nodes())
    tree = []
    for u, v, weight in sorted(graph.edges(), key=lambda edge: (edge[2], edge[0], edge[1])):
        if sets.union(u, v):
            tree.append((u, v, weight))
            if len(tree) == len(graph) - 1:
                break
    return tree


def prim(graph: Graph, start: Node | None = None) -> list[tuple[Node, Node, float]]:
    """Edges of a minimum spanning tree of ``start``'s component, in the order Prim adds them.

    Each edge is reported as ``(tree node, new node, weight)``.
    """
    _require_undirected(graph)
    if len(graph) == 0:
        return []
    root = graph.nodes()[0] if start is None else start
    graph.neighbors(root)
    in_tree = {root}
    heap = [(graph.weight(root, n), root, n) for n in graph.neighbors(root)]
    heapq.heapify(heap)
    tree = []
    while heap:
        weight, u, v = heapq.heappop(heap)
        if v in in_tree:
            continue
        in_tree.add(v)
        tree.append((u, v, weight))
        for n in graph.neighbors(v):
            if n not in in_tree:
                heapq.heappush(heap, (graph.weight(v, n), v, n))
    return tree


def tree_weight(edges: list[tuple[Node, Node, float]]) -> float:
    """Total weight of a list of ``(u, v, weight)`` edges."""
    return sum(weight for _, _, weight in edges)


def minimum_spanning_tree(graph: Graph) -> Graph:
    """The minimum spanning forest as a new graph with every original node.

    Raises:
        GraphError: The graph is directed.
    """
    forest = Graph(directed=False)
    for node in graph.nodes():
        forest.add_node(node)
    for u, v, weight in kruskal(graph):
        forest.add_edge(u, v, weight)
    return forest


def is_spanning_tree(graph: Graph, edges: list[tuple[Node, Node, float]]) -> bool:
    """Whether ``edges`` are graph edges that connect every node without a cycle."""
    if len(edges) != len(graph) - 1:
        return False
    sets = DisjointSet(graph.nodes())
    for u, v, _ in edges:
        if not graph.has_edge(u, v) or not sets.union(u, v):
            return False
    return len(sets) == 1
