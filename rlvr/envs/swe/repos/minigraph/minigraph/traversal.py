"""Breadth-first and depth-first traversals.

Neighbours are visited in sorted order, so the orders below are unique.
"""

from __future__ import annotations

from collections import deque

from .graph import Graph, Node


def bfs_order(graph: Graph, start: Node) -> list[Node]:
    """Nodes reachable from ``start`` in breadth-first order."""
    return [node for layer in bfs_layers(graph, start) for node in layer]


def bfs_layers(graph: Graph, start: Node) -> list[list[Node]]:
    """Reachable nodes grouped by their number of hops from ``start``."""
    graph.neighbors(start)  # validates start
    seen = {start}
    layers = [[start]]
    while True:
        layer = []
        for node in layers[-1]:
            for neighbor in graph.neighbors(node):
                if neighbor not in seen:
                    seen.add(neighbor)
                    layer.append(neighbor)
        if not layer:
            return layers
        layers.append(layer)


def hop_distances(graph: Graph, start: Node) -> dict[Node, int]:
    """Number of edges on a shortest path from ``start`` to each reachable node."""
    return {node: depth for depth, layer in enumerate(bfs_layers(graph, start)) for node in layer}


def dfs_order(graph: Graph, start: Node) -> list[Node]:
    """Depth-first preorder from ``start`` (the order a recursive DFS would give)."""
    graph.neighbors(start)
    order = []
    seen = set()
    stack = [start]
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        order.append(node)
        for neighbor in reversed(graph.neighbors(node)):
            if neighbor not in seen:
                stack.append(neighbor)
    return order


def dfs_postorder(graph: Graph, start: Node, seen: set | None = None) -> list[Node]:
    """Depth-first postorder from ``start``, skipping nodes already in ``seen``.

    ``seen`` is updated in place, which lets callers run several searches
    that share one visited set.
    """
    seen = set() if seen is None else seen
    if start in seen:
        return []
    order = []
    seen.add(start)
    stack = [(start, iter(graph.neighbors(start)))]
    while stack:
        node, children = stack[-1]
        for child in children:
            if child not in seen:
                seen.add(child)
                stack.append((child, iter(graph.neighbors(child))))
                break
        else:
            stack.pop()
            order.append(node)
    return order


def reachable(graph: Graph, start: Node) -> set[Node]:
    """All nodes reachable from ``start``, including ``start``."""
    return set(bfs_order(graph, start))


def has_path(graph: Graph, source: Node, target: Node) -> bool:
    return target in reachable(graph, source)


def shortest_hop_path(graph: Graph, source: Node, target: Node) -> list[Node] | None:
    """A path from ``source`` to ``target`` with the fewest edges, or None.

    Among equally short paths the one found first in sorted neighbour order
    is returned.
    """
    graph.neighbors(target)
    parents: dict[Node, Node | None] = {source: None}
    queue = deque([source])
    while queue:
        node = queue.popleft()
        if node == target:
            path = [node]
            while parents[path[-1]] is not None:
                path.append(parents[path[-1]])
            return path[::-1]
        for neighbor in graph.neighbors(node):
            if neighbor not in parents:
                parents[neighbor] = node
                queue.append(neighbor)
    return None
