import pytest

from minigraph import (Graph, GraphError, all_simple_paths, diameter, dfs_order, dfs_postorder,
                       eccentricity, is_simple_path, radius)


def square():
    # a - b
    # |   |
    # d - c
    return Graph.from_edges([("a", "b"), ("b", "c"), ("c", "d"), ("d", "a")])


def test_all_simple_paths():
    """The simple paths from a to c in the square a-b-c-d are a, b, c and a, d, c."""
    assert all_simple_paths(square(), "a", "c") == [["a", "b", "c"], ["a", "d", "c"]]


def test_all_simple_paths_with_edge_limit():
    """With at most 1 edge there is no simple path from a to c in the square."""
    assert all_simple_paths(square(), "a", "c", max_edges=1) == []


def test_all_simple_paths_long_way():
    """The simple paths from a to b in the square are a, b and a, d, c, b."""
    assert all_simple_paths(square(), "a", "b") == [["a", "b"], ["a", "d", "c", "b"]]


def test_is_simple_path_rejects_repeat():
    """In the square, a, b, c is a simple path but a, b, a is not."""
    g = square()
    assert (is_simple_path(g, ["a", "b", "c"]), is_simple_path(g, ["a", "b", "a"])) == (True, False)


def test_eccentricity_and_diameter_of_path_graph():
    """In the path 1-2-3-4-5, node 1 has eccentricity 4, the diameter is 4 and the radius 2."""
    g = Graph.from_edges([(1, 2), (2, 3), (3, 4), (4, 5)])
    assert (eccentricity(g, 1), diameter(g), radius(g)) == (4, 4, 2)


def test_eccentricity_disconnected():
    """Eccentricity in the disconnected graph 1-2, 3-4 raises a graph error."""
    with pytest.raises(GraphError):
        eccentricity(Graph.from_edges([(1, 2), (3, 4)]), 1)


def test_dfs_postorder_chain():
    """Depth-first postorder of the directed chain 1->2->3 from 1 is 3, 2, 1."""
    assert dfs_postorder(Graph.from_edges([(1, 2), (2, 3)], directed=True), 1) == [3, 2, 1]


def test_dfs_order_square():
    """Depth-first search of the square from a visits a, b, c, d."""
    assert dfs_order(square(), "a") == ["a", "b", "c", "d"]
