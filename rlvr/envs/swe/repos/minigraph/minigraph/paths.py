"""Path utilities: validation, weights, enumeration and eccentricity."""

from __future__ import annotations

from .graph import Graph, GraphError, Node
from .traversal import hop_distances


def path_edges(path: list[Node]) -> list[tuple[Node, Node]]:
    """Consecutive pairs of a path: ``[a, b, c]`` gives ``[(a, b), (b, c)]``."""
    return [(path[i], path[i + 1]) for i in range(len(path) - 1)]


def is_path(graph: Graph, path: list[Node]) -> bool:
    """Whether every consecutive pair of ``path`` is an edge (a single node counts)."""
    if not path or path[0] not in graph:
        return False
    return all(graph.has_edge(u, v) for u, v in path_edges(path))


def is_simple_path(graph: Graph, path: list[Node]) -> bool:
    """A path that visits no node twice."""
    return is_path(graph, path) and len(set(path)) == len(path)


def path_weight(graph: Graph, path: list[Node]) -> float:
    """Sum of the edge weights along ``path``.

    Raises:
        GraphError: Two consecutive nodes are not joined by an edge.
    """
    total = 0
    for u, v in path_edges(path):
        total += graph.weight(u, v)
    return total


def all_simple_paths(graph: Graph, source: Node, target: Node,
                     max_edges: int | None = None) -> list[list[Node]]:
    """Every simple path from ``source`` to ``target``, in sorted order.

    ``max_edges`` limits the number of edges of a path.
    """
    graph.neighbors(source)
    graph.neighbors(target)
    limit = len(graph) - 1 if max_edges is None else max_edges
    found: list[list[Node]] = []
    path = [source]

    def extend(node: Node) -> None:
        if node == target:
            found.append(list(path))
            return
        if len(path) - 1 >= limit:
            return
        for neighbor in graph.neighbors(node):
            if neighbor not in path:
                path.append(neighbor)
                extend(neighbor)
                path.pop()

    if source == target:
        return [[source]]
    extend(source)
    return sorted(found)


def eccentricity(graph: Graph, node: Node) -> int:
    """Largest number of hops from ``node`` to any other node.

    Raises:
        GraphError: Some node cannot be reached from ``node``.
    """
    distances = hop_distances(graph, node)
    if len(distances) < len(graph):
        raise GraphError(f"not every node is reachable from {node!r}")
    return max(distances.values())


def diameter(graph: Graph) -> int:
    """Largest eccentricity over all nodes."""
    return max(eccentricity(graph, node) for node in graph.nodes())


def radius(graph: Graph) -> int:
    """Smallest eccentricity over all nodes."""
    return min(eccentricity(graph, node) for node in graph.nodes())


def center(graph: Graph) -> list[Node]:
    """Nodes whose eccentricity equals the radius, sorted."""
    smallest = radius(graph)
    return [node for node in graph.nodes() if eccentricity(graph, node) == smallest]


def degree_sequence(graph: Graph) -> list[int]:
    """Degrees of all nodes, largest first."""
    return sorted((graph.degree(node) for node in graph.nodes()), reverse=True)
