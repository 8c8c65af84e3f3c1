import pytest

from minigraph import (CycleError, DisjointSet, Graph, connected_components, is_connected,
                       kruskal, longest_path, topological_sort, tree_weight)


def test_union_find_merges_sets():
    """After union(1, 2) and union(3, 4) there are 3 sets among 1..5."""
    sets = DisjointSet([1, 2, 3, 4, 5])
    sets.union(1, 2)
    sets.union(3, 4)
    assert len(sets) == 3


def test_union_find_connected():
    """After union(1, 2) and union(2, 3), 1 and 3 are connected."""
    sets = DisjointSet()
    sets.union(1, 2)
    sets.union(2, 3)
    assert sets.connected(1, 3) is True


def test_union_of_same_set_returns_false():
    """Uniting 1 and 2 a second time reports that nothing changed (False)."""
    sets = DisjointSet()
    sets.union(1, 2)
    assert sets.union(2, 1) is False


def test_union_find_groups():
    """Groups after union(5, 1) and union(3, 2) among 1..5 are [1, 5], [2, 3], [4]."""
    sets = DisjointSet([1, 2, 3, 4, 5])
    sets.union(5, 1)
    sets.union(3, 2)
    assert sets.groups() == [[1, 5], [2, 3], [4]]


def test_connected_components():
    """The graph with edges 1-2, 3-4, 4-5 and node 6 has components [1, 2], [3, 4, 5], [6]."""
    g = Graph.from_edges([(1, 2), (3, 4), (4, 5)])
    g.add_node(6)
    assert connected_components(g) == [[1, 2], [3, 4, 5], [6]]


def test_is_connected_false():
    """The graph with edges 1-2 and 3-4 is not connected."""
    assert is_connected(Graph.from_edges([(1, 2), (3, 4)])) is False


def test_topological_sort_smallest_first():
    """Topological order of 1->2, 1->3, 3->2, 2->4, 5->4 is 1, 3, 2, 5, 4."""
    g = Graph.from_edges([(1, 2), (1, 3), (3, 2), (2, 4), (5, 4)], directed=True)
    assert topological_sort(g) == [1, 3, 2, 5, 4]


def test_topological_sort_cycle():
    """Topologically sorting the cycle a->b->c->a raises a cycle error."""
    g = Graph.from_edges([("a", "b"), ("b", "c"), ("c", "a")], directed=True)
    with pytest.raises(CycleError):
        topological_sort(g)


def test_longest_path_critical_chain():
    """The heaviest path in the task graph a->b (3), b->d (4), a->c (2), c->d (1) is a, b, d with weight 7."""
    g = Graph.from_edges([("a", "b", 3), ("b", "d", 4), ("a", "c", 2), ("c", "d", 1)], directed=True)
    assert longest_path(g) == (7, ["a", "b", "d"])


def test_kruskal_tree_weight():
    """The minimum spanning tree of the sample road map weighs 6."""
    g = Graph.from_edges([("a", "b", 2), ("b", "c", 1), ("a", "c", 5), ("c", "d", 7),
                          ("b", "d", 3)])
    assert tree_weight(kruskal(g)) == 6


def test_kruskal_edge_order():
    """Kruskal on the sample road map picks b-c (1), a-b (2) and b-d (3), in that order."""
    g = Graph.from_edges([("a", "b", 2), ("b", "c", 1), ("a", "c", 5), ("c", "d", 7),
                          ("b", "d", 3)])
    assert kruskal(g) == [("b", "c", 1), ("a", "b", 2), ("b", "d", 3)]


def test_prim_starts_at_smallest_node():
    """Prim without a start node on the sample road map begins at a: a-b (2), b-c (1), b-d (3)."""
    from minigraph import prim
    g = Graph.from_edges([("a", "b", 2), ("b", "c", 1), ("a", "c", 5), ("c", "d", 7),
                          ("b", "d", 3)])
    assert prim(g) == [("a", "b", 2), ("b", "c", 1), ("b", "d", 3)]
