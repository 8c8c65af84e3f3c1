"""Connected and strongly connected components."""

from __future__ import annotations

from .graph import Graph, GraphError, Node
from .traversal import dfs_postorder, reachable
from .unionfind import DisjointSet


def connected_components(graph: Graph) -> list[list[Node]]:
    """Components ignoring edge direction, each sorted, ordered by smallest node."""
    sets = DisjointSet(graph.nodes())
    for u, v, _ in graph.edges():
        sets.union(u, v)
    return sets.groups()


def number_of_components(graph: Graph) -> int:
    return len(connected_components(graph))


def is_connected(graph: Graph) -> bool:
    """True for a graph with exactly one (weakly) connected component."""
    if len(graph) == 0:
        raise GraphError("connectivity is undefined for an empty graph")
    return number_of_components(graph) == 1


def component_of(graph: Graph, node: Node) -> list[Node]:
    """The sorted (weakly) connected component containing ``node``."""
    if node not in graph:
        raise GraphError(f"node {node!r} is not in the graph")
    for component in connected_components(graph):
        if node in component:
            return component
    raise AssertionError("every node belongs to a component")  # pragma: no cover


def strongly_connected_components(graph: Graph) -> list[list[Node]]:
    """Strongly connected components (Kosaraju), each sorted, ordered by smallest node.

    For an undirected graph these are the connected components.
    """
    seen: set = set()
    finish: list[Node] = []
    for node in graph.nodes():
        finish.extend(dfs_postorder(graph, node, seen))
    reverse = graph.reverse()
    assigned: set = set()
    components = []
    for node in reversed(finish):
        if node in assigned:
            continue
        members = [member for member in dfs_postorder(reverse, node, assigned)]
        components.append(sorted(members))
    return sorted(components, key=lambda component: component[0])


def is_strongly_connected(graph: Graph) -> bool:
    """Whether every node reaches every other node."""
    nodes = graph.nodes()
    if not nodes:
        return False
    first = nodes[0]
    return len(reachable(graph, first)) == len(nodes) and \
        len(reachable(graph.reverse(), first)) == len(nodes)
