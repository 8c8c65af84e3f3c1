import pytest

from minigraph import (Graph, GraphError, center, degree_sequence, is_path, path_edges)


def square():
    # a - b
    # |   |
    # d - c
    return Graph.from_edges([("a", "b"), ("b", "c"), ("c", "d"), ("d", "a")])


def test_path_edges():
    """The path [1, 2, 3] has edges (1, 2) and (2, 3)."""
    assert path_edges([1, 2, 3]) == [(1, 2), (2, 3)]


def test_is_path_rejects_missing_edge():
    """In the square, a, c is not a path (no diagonal) and an empty list is not a path."""
    assert (is_path(square(), ["a", "c"]), is_path(square(), [])) == (False, False)


def test_center_of_path_graph():
    """The centre of the path 1-2-3-4 is [2, 3]."""
    assert center(Graph.from_edges([(1, 2), (2, 3), (3, 4)])) == [2, 3]


def test_degree_sequence_with_self_loop():
    """The graph with edges 1-2, 1-3 and the self-loop 3-3 has degrees [3, 2, 1]."""
    assert degree_sequence(Graph.from_edges([(1, 2), (1, 3), (3, 3)])) == [3, 2, 1]


def test_subgraph_keeps_inner_edges():
    """The subgraph of the square on a, b, c keeps edges a-b and b-c only."""
    assert square().subgraph(["a", "b", "c"]).edges() == [("a", "b", 1), ("b", "c", 1)]


def test_to_undirected():
    """Making the directed edges 1->2 (5) and 3->2 (1) undirected gives 2 neighbours 1 and 3."""
    g = Graph.from_edges([(1, 2, 5), (3, 2, 1)], directed=True).to_undirected()
    assert g.neighbors(2) == [1, 3]


def test_from_edges_rejects_bad_tuple():
    """Building a graph from the 4-item edge (1, 2, 3, 4) raises a graph error."""
    with pytest.raises(GraphError):
        Graph.from_edges([(1, 2, 3, 4)])


def test_missing_node_neighbors():
    """Asking for the neighbours of the missing node z raises a graph error."""
    with pytest.raises(GraphError):
        square().neighbors("z")


def test_single_node_path():
    """In the square, the one-node list [a] is a path, while [z] (not in the graph) is not."""
    assert (is_path(square(), ["a"]), is_path(square(), ["z"])) == (True, False)
