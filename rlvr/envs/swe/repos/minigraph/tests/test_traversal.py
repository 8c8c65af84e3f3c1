from minigraph import (Graph, bfs_layers, bfs_order, dfs_order, has_path, hop_distances,
                       shortest_hop_path)


def sample():
    #   a - b - d
    #   |   |
    #   c - e     f (isolated)
    g = Graph.from_edges([("a", "b"), ("a", "c"), ("b", "d"), ("b", "e"), ("c", "e")])
    g.add_node("f")
    return g


def test_bfs_order():
    """Breadth-first search from a visits a, b, c, d, e."""
    assert bfs_order(sample(), "a") == ["a", "b", "c", "d", "e"]


def test_bfs_layers():
    """Breadth-first layers from a are [a], [b, c], [d, e]."""
    assert bfs_layers(sample(), "a") == [["a"], ["b", "c"], ["d", "e"]]


def test_dfs_order():
    """Depth-first search from a visits a, b, d, e, c."""
    assert dfs_order(sample(), "a") == ["a", "b", "d", "e", "c"]


def test_hop_distances():
    """Hop distances from c are c:0, a:1, e:1, b:2, d:3."""
    assert hop_distances(sample(), "c") == {"c": 0, "a": 1, "e": 1, "b": 2, "d": 3}


def test_no_path_to_isolated_node():
    """There is no path from a to the isolated node f."""
    assert has_path(sample(), "a", "f") is False


def test_shortest_hop_path():
    """The fewest-hops path from d to c is d, b, a, c."""
    assert shortest_hop_path(sample(), "d", "c") == ["d", "b", "a", "c"]


def test_directed_reachability():
    """In the directed chain 1->2->3, node 1 reaches 3 but 3 does not reach 1."""
    g = Graph.from_edges([(1, 2), (2, 3)], directed=True)
    assert (has_path(g, 1, 3), has_path(g, 3, 1)) == (True, False)
