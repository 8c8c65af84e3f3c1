"""Directed acyclic graphs: topological order, cycles and longest paths."""

from __future__ import annotations

import heapq

from .graph import Graph, GraphError, Node
from .traversal import reachable


class CycleError(GraphError):
    """The graph has a cycle where an acyclic graph is required."""

    def __init__(self, cycle: list[Node]) -> None:
        self.cycle = cycle
        super().__init__("graph has a cycle: " + " -> ".join(repr(node) for node in cycle))


def _require_directed(graph: Graph, what: str) -> None:
    if not graph.directed:
        raise GraphError(f"{what} needs a directed graph")


def find_cycle(graph: Graph) -> list[Node] | None:
    """A directed cycle as ``[a, b, ..., a]``, or None if the graph is acyclic."""
    _require_directed(graph, "find_cycle")
    state: dict[Node, int] = {}  # 1 = on the current path, 2 = finished
    for root in graph.nodes():
        if root in state:
            continue
        path = [root]
        state[root] = 1
        stack = [iter(graph.neighbors(root))]
        while stack:
            for child in stack[-1]:
                if state.get(child) == 1:
                    return path[path.index(child):] + [child]
                if child not in state:
                    state[child] = 1
                    path.append(child)
                    stack.append(iter(graph.neighbors(child)))
                    break
            else:
                stack.pop()
                state[path.pop()] = 2
    return None


def is_dag(graph: Graph) -> bool:
    return graph.directed and find_cycle(graph) is None


def topological_sort(graph: Graph) -> list[Node]:
    """Nodes so that every edge goes forward; the smallest ready node comes first.

    Raises:
        CycleError: The graph has a cycle.
    """
    _require_directed(graph, "topological_sort")
    indegree = {node: graph.in_degree(node) for node in graph.nodes()}
    ready = [node for node, count in indegree.items() if count == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        node = heapq.heappop(ready)
        order.append(node)
        for child in graph.neighbors(node):
            indegree[child] -= 1
            if indegree[child] == 0:
                heapq.heappush(ready, child)
    if len(order) < len(graph):
        raise CycleError(find_cycle(graph) or [])
    return order


def longest_path(graph: Graph) -> tuple[float, list[Node]]:
    """The heaviest path in a DAG (the critical path of a task graph).

    Returns ``(total weight, path)``; an edgeless graph gives ``(0, [smallest node])``.
    """
    order = topological_sort(graph)
    if not order:
        return 0, []
    best: dict[Node, float] = {node: 0 for node in order}
    prev: dict[Node, Node] = {}
    for node in order:
        for child in graph.neighbors(node):
            candidate = best[node] + graph.weight(node, child)
            if candidate > best[child]:
                best[child] = candidate
                prev[child] = node
    end = max(order, key=lambda node: (best[node], -order.index(node)))
    path = [end]
    while path[-1] in prev:
        path.append(prev[path[-1]])
    return best[end], path[::-1]


def descendants(graph: Graph, node: Node) -> set[Node]:
    """Nodes reachable from ``node``, excluding itself."""
    return reachable(graph, node) - {node}


def ancestors(graph: Graph, node: Node) -> set[Node]:
    """Nodes that reach ``node``, excluding itself."""
    return reachable(graph.reverse(), node) - {node}


def transitive_reduction_edges(graph: Graph) -> list[tuple[Node, Node]]:
    """Edges of a DAG not implied by a longer path, sorted."""
    topological_sort(graph)
    kept = []
    for u, v, _ in graph.edges():
        implied = any(v in descendants(graph, w) for w in graph.neighbors(u) if w != v)
        if not implied:
            kept.append((u, v))
    return kept
