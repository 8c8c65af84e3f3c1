from minigraph import DisjointSet, Graph, bellman_ford, component_of, is_dag


def test_component_of_node():
    """The component of 4 in the graph 1-2, 3-4, 4-5 is [3, 4, 5]."""
    assert component_of(Graph.from_edges([(1, 2), (3, 4), (4, 5)]), 4) == [3, 4, 5]


def test_is_dag_false_for_undirected():
    """An undirected edge a-b is not a DAG, but the directed edge a->b is."""
    assert (is_dag(Graph.from_edges([("a", "b")])),
            is_dag(Graph.from_edges([("a", "b")], directed=True))) == (False, True)


def test_bellman_ford_undirected_matches_dijkstra():
    """Bellman-Ford on the undirected path a-b (2), b-c (1) gives a:0, b:2, c:3."""
    g = Graph.from_edges([("a", "b", 2), ("b", "c", 1)])
    assert bellman_ford(g, "a") == {"a": 0, "b": 2, "c": 3}


def test_union_find_set_size_and_membership():
    """After union(1, 2), union(3, 1), the set of 2 has 3 elements and 9 is not yet present."""
    sets = DisjointSet()
    sets.union(1, 2)
    sets.union(3, 1)
    assert (sets.set_size(2), 9 in sets) == (3, False)
