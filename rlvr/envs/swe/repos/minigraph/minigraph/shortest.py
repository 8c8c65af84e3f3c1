"""Weighted shortest paths: Dijkstra and Bellman-Ford."""

from __future__ import annotations

import heapq
import math

from .graph import Graph, GraphError, Node

INFINITY = math.inf


class NegativeWeightError(GraphError):
    """Dijkstra's algorithm was given a negative edge weight."""


class NegativeCycleError(GraphError):
    """A negative-weight cycle is reachable, so shortest paths do not exist."""


def dijkstra(graph: Graph, source: Node) -> tuple[dict[Node, float], dict[Node, Node]]:
    """Shortest distances from ``source`` and the predecessor of each node.

    Only reachable nodes appear in the result. Ties between equally short
    paths go to the predecessor that was settled first.

    Raises:
        NegativeWeightError: An edge weight is negative.
    """
    graph.neighbors(source)
    for u, v, weight in graph.edges():
        if weight < 0:
            raise NegativeWeightError(f"edge {u!r} -> {v!r} has negative weight {weight}")
    dist: dict[Node, float] = {source: 0}
    prev: dict[Node, Node] = {}
    done: set[Node] = set()
    counter = 0
    heap = [(0, counter, source)]
    while heap:
        d, _, node = heapq.heappop(heap)
        if node in done:
            continue
        done.add(node)
        for neighbor in graph.neighbors(node):
            candidate = d + graph.weight(node, neighbor)
            if candidate < dist.get(neighbor, INFINITY):
                dist[neighbor] = candidate
                prev[neighbor] = node
                counter += 1
                heapq.heappush(heap, (candidate, counter, neighbor))
    return dist, prev


def build_path(prev: dict[Node, Node], source: Node, target: Node) -> list[Node]:
    """Follow predecessors back from ``target`` to ``source``."""
    path = [target]
    while path[-1] != source:
        path.append(prev[path[-1]])
    return path[::-1]


def shortest_path(graph: Graph, source: Node, target: Node) -> tuple[float, list[Node]]:
    """``(cost, path)`` of a cheapest path from ``source`` to ``target``.

    Raises:
        GraphError: ``target`` cannot be reached.
    """
    graph.neighbors(target)
    dist, prev = dijkstra(graph, source)
    if target not in dist:
        raise GraphError(f"no path from {source!r} to {target!r}")
    return dist[target], build_path(prev, source, target)


def bellman_ford(graph: Graph, source: Node) -> dict[Node, float]:
    """Shortest distances from ``source``, allowing negative edge weights.

    Raises:
        NegativeCycleError: A negative cycle is reachable from ``source``.
    """
    graph.neighbors(source)
    dist: dict[Node, float] = {source: 0}
    edges = graph.edges()
    if not graph.directed:
        edges = edges + [(v, u, w) for u, v, w in edges if u != v]
    for _ in range(len(graph) - 1):
        changed = False
        for u, v, weight in edges:
            if u in dist and dist[u] + weight < dist.get(v, INFINITY):
                dist[v] = dist[u] + weight
                changed = True
        if not changed:
            break
    for u, v, weight in edges:
        if u in dist and dist[u] + weight < dist.get(v, INFINITY):
            raise NegativeCycleError(f"negative cycle through edge {u!r} -> {v!r}")
    return dist


def distance_matrix(graph: Graph) -> dict[Node, dict[Node, float]]:
    """All-pairs shortest distances (``inf`` where unreachable), by Dijkstra from every node."""
    nodes = graph.nodes()
    matrix = {}
    for source in nodes:
        dist, _ = dijkstra(graph, source)
        matrix[source] = {target: dist.get(target, INFINITY) for target in nodes}
    return matrix
