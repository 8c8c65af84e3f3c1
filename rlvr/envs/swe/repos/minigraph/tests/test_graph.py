import pytest

from minigraph import Graph, GraphError


def test_undirected_edge_both_ways():
    """After adding the undirected edge a-b, both a-b and b-a exist."""
    g = Graph()
    g.add_edge("a", "b")
    assert (g.has_edge("a", "b"), g.has_edge("b", "a")) == (True, True)


def test_directed_edge_one_way():
    """After adding the directed edge a->b, b->a does not exist."""
    g = Graph(directed=True)
    g.add_edge("a", "b")
    assert (g.has_edge("a", "b"), g.has_edge("b", "a")) == (True, False)


def test_neighbors_sorted():
    """Node a joined to c, b and d lists its neighbours as b, c, d."""
    g = Graph.from_edges([("a", "c"), ("a", "b"), ("a", "d")])
    assert g.neighbors("a") == ["b", "c", "d"]


def test_edges_listed_once_undirected():
    """The undirected triangle a-b (1), b-c (2), c-a (3) lists three edges, each once."""
    g = Graph.from_edges([("a", "b", 1), ("b", "c", 2), ("c", "a", 3)])
    assert g.edges() == [("a", "b", 1), ("a", "c", 3), ("b", "c", 2)]


def test_degree_and_in_degree():
    """In the directed graph 1->2, 3->2, 2->4, node 2 has out-degree 1 and in-degree 2."""
    g = Graph.from_edges([(1, 2), (3, 2), (2, 4)], directed=True)
    assert (g.degree(2), g.in_degree(2)) == (1, 2)


def test_remove_edge():
    """Removing the undirected edge a-b leaves 1 edge in the path a-b-c."""
    g = Graph.from_edges([("a", "b"), ("b", "c")])
    g.remove_edge("b", "a")
    assert g.number_of_edges() == 1


def test_remove_node_removes_its_edges():
    """Removing b from the path a-b-c leaves nodes a and c and no edges."""
    g = Graph.from_edges([("a", "b"), ("b", "c")])
    g.remove_node("b")
    assert (g.nodes(), g.edges()) == (["a", "c"], [])


def test_weight_of_missing_edge():
    """Asking for the weight of the missing edge a-c raises a graph error."""
    g = Graph.from_edges([("a", "b", 4)])
    with pytest.raises(GraphError):
        g.weight("a", "c")


def test_reverse_directed():
    """Reversing the directed edge x->y (weight 5) gives y->x with weight 5."""
    g = Graph.from_edges([("x", "y", 5)], directed=True)
    assert g.reverse().edges() == [("y", "x", 5)]


def test_total_weight():
    """A graph with edge weights 2, 1 and 5 has total weight 8."""
    g = Graph.from_edges([("a", "b", 2), ("b", "c", 1), ("a", "c", 5)])
    assert g.total_weight() == 8
