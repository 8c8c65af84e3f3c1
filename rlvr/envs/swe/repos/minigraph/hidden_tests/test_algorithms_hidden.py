import math

import pytest

from minigraph import (CycleError, DisjointSet, Graph, GraphError, NegativeCycleError, ancestors,
                       bellman_ford, descendants, distance_matrix, find_cycle,
                       is_spanning_tree, is_strongly_connected, minimum_spanning_tree,
                       number_of_components, prim, shortest_path, strongly_connected_components,
                       topological_sort, transitive_reduction_edges)


def test_prim_edge_order():
    """Prim from a on the sample road map adds a-b (2), b-c (1) and b-d (3), in that order."""
    g = Graph.from_edges([("a", "b", 2), ("b", "c", 1), ("a", "c", 5), ("c", "d", 7),
                          ("b", "d", 3)])
    assert prim(g, "a") == [("a", "b", 2), ("b", "c", 1), ("b", "d", 3)]


def test_prim_covers_only_start_component():
    """Prim from 3 on the graph 1-2 (1), 3-4 (2) returns only the edge 3-4."""
    g = Graph.from_edges([(1, 2, 1), (3, 4, 2)])
    assert prim(g, 3) == [(3, 4, 2)]


def test_minimum_spanning_forest_keeps_all_nodes():
    """The spanning forest of 1-2 (1), 3-4 (2) plus isolated 5 has 5 nodes and 2 edges."""
    g = Graph.from_edges([(1, 2, 1), (3, 4, 2)])
    g.add_node(5)
    forest = minimum_spanning_tree(g)
    assert (len(forest), forest.number_of_edges()) == (5, 2)


def test_spanning_tree_needs_undirected_graph():
    """Asking for the spanning tree of a directed graph raises a graph error."""
    with pytest.raises(GraphError):
        prim(Graph.from_edges([(1, 2)], directed=True))


def test_is_spanning_tree_rejects_cycle():
    """On the triangle 1-2-3, the edges 1-2, 2-3 form a spanning tree but 1-2, 1-2 do not."""
    g = Graph.from_edges([(1, 2, 1), (2, 3, 1), (1, 3, 1)])
    assert (is_spanning_tree(g, [(1, 2, 1), (2, 3, 1)]),
            is_spanning_tree(g, [(1, 2, 1), (2, 1, 1)])) == (True, False)


def test_strongly_connected_components():
    """The directed graph 1->2->3->1, 3->4, 4<->5 and loop 6->6 has components [1, 2, 3], [4, 5], [6]."""
    g = Graph.from_edges([(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 4), (6, 6)], directed=True)
    assert strongly_connected_components(g) == [[1, 2, 3], [4, 5], [6]]


def test_is_strongly_connected():
    """The directed cycle 1->2->3->1 is strongly connected; the chain 1->2->3 is not."""
    cycle = Graph.from_edges([(1, 2), (2, 3), (3, 1)], directed=True)
    chain = Graph.from_edges([(1, 2), (2, 3)], directed=True)
    assert (is_strongly_connected(cycle), is_strongly_connected(chain)) == (True, False)


def test_weak_components_of_directed_graph():
    """The directed edges 1->2 and 3->2 form one weakly connected component."""
    assert number_of_components(Graph.from_edges([(1, 2), (3, 2)], directed=True)) == 1


def test_find_cycle_returns_closed_walk():
    """In 1->2->3->1 plus 3->4, the cycle found is 1, 2, 3, 1."""
    g = Graph.from_edges([(1, 2), (2, 3), (3, 1), (3, 4)], directed=True)
    assert find_cycle(g) == [1, 2, 3, 1]


def test_cycle_error_names_cycle():
    """Sorting 'x'->'y'->'x' raises a cycle error whose cycle is x, y, x."""
    g = Graph.from_edges([("x", "y"), ("y", "x")], directed=True)
    with pytest.raises(CycleError) as info:
        topological_sort(g)
    assert info.value.cycle == ["x", "y", "x"]


def test_ancestors_and_descendants():
    """In 1->2->3 and 4->3, node 3 has ancestors {1, 2, 4} and node 1 has descendants {2, 3}."""
    g = Graph.from_edges([(1, 2), (2, 3), (4, 3)], directed=True)
    assert (ancestors(g, 3), descendants(g, 1)) == ({1, 2, 4}, {2, 3})


def test_transitive_reduction():
    """The edge a->c is implied by a->b->c, so the reduction keeps a->b and b->c."""
    g = Graph.from_edges([("a", "b"), ("b", "c"), ("a", "c")], directed=True)
    assert transitive_reduction_edges(g) == [("a", "b"), ("b", "c")]


def test_bellman_ford_negative_cycle():
    """Bellman-Ford on a->b (1), b->c (-3), c->a (1) raises a negative-cycle error."""
    g = Graph.from_edges([("a", "b", 1), ("b", "c", -3), ("c", "a", 1)], directed=True)
    with pytest.raises(NegativeCycleError):
        bellman_ford(g, "a")


def test_unreachable_target():
    """Asking for the cheapest path from 1 to 3 in the directed graph 1->2, 3->2 raises a graph error."""
    g = Graph.from_edges([(1, 2, 1), (3, 2, 1)], directed=True)
    with pytest.raises(GraphError):
        shortest_path(g, 1, 3)


def test_distance_matrix_unreachable_is_infinite():
    """In the directed edge 1->2 (4), the distance 1 to 2 is 4 and 2 to 1 is infinite."""
    matrix = distance_matrix(Graph.from_edges([(1, 2, 4)], directed=True))
    assert (matrix[1][2], math.isinf(matrix[2][1])) == (4, True)


def test_union_by_size_keeps_larger_root():
    """Uniting the singleton 9 into the set {1, 2, 3} keeps the set's representative."""
    sets = DisjointSet()
    sets.union(1, 2)
    sets.union(1, 3)
    root = sets.find(1)
    sets.union(9, 3)
    assert sets.find(9) == root


def test_kruskal_equal_weights_in_edge_order():
    """Kruskal on the square a-b, b-c, c-d, d-a (all weight 1) picks a-b, a-d and b-c."""
    from minigraph import kruskal
    g = Graph.from_edges([("a", "b"), ("b", "c"), ("c", "d"), ("d", "a")])
    assert kruskal(g) == [("a", "b", 1), ("a", "d", 1), ("b", "c", 1)]


def test_prim_on_empty_graph():
    """The spanning tree of an empty graph has no edges."""
    assert prim(Graph()) == []


def test_union_of_equal_sizes_keeps_first_root():
    """After uniting the singletons 1 and 2, the representative of both is 1."""
    sets = DisjointSet()
    sets.union(1, 2)
    assert (sets.find(1), sets.find(2)) == (1, 1)


def test_longest_path_of_empty_graph():
    """The heaviest path of an empty directed graph has weight 0 and no nodes."""
    from minigraph import longest_path
    assert longest_path(Graph(directed=True)) == (0, [])


def test_single_node_is_connected_empty_graph_is_error():
    """A graph with the single node 1 is connected; asking about an empty graph raises a graph error."""
    from minigraph import is_connected
    g = Graph()
    g.add_node(1)
    assert is_connected(g) is True
    with pytest.raises(GraphError):
        is_connected(Graph())
