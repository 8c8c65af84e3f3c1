import math

import pytest

from minigraph import (Graph, NegativeWeightError, bellman_ford, dijkstra, path_weight,
                       shortest_path)


def roads():
    return Graph.from_edges([("a", "b", 2), ("b", "c", 1), ("a", "c", 5), ("c", "d", 7),
                             ("b", "d", 3)])


def test_dijkstra_distances():
    """Dijkstra from a gives distances a:0, b:2, c:3, d:5."""
    dist, _ = dijkstra(roads(), "a")
    assert dist == {"a": 0, "b": 2, "c": 3, "d": 5}


def test_shortest_path_via_cheaper_detour():
    """The cheapest path from a to c goes through b and costs 3."""
    assert shortest_path(roads(), "a", "c") == (3, ["a", "b", "c"])


def test_shortest_path_to_self():
    """The cheapest path from b to b costs 0 and is just [b]."""
    assert shortest_path(roads(), "b", "b") == (0, ["b"])


def test_dijkstra_rejects_negative_weight():
    """Dijkstra on a graph with an edge of weight -1 raises a negative-weight error."""
    g = Graph.from_edges([("a", "b", -1)], directed=True)
    with pytest.raises(NegativeWeightError):
        dijkstra(g, "a")


def test_bellman_ford_negative_edge():
    """Bellman-Ford from s with s->a 4, s->b 5, b->a -3 gives a:2, b:5."""
    g = Graph.from_edges([("s", "a", 4), ("s", "b", 5), ("b", "a", -3)], directed=True)
    assert bellman_ford(g, "s") == {"s": 0, "a": 2, "b": 5}


def test_path_weight():
    """The path a, b, d weighs 2 + 3 = 5."""
    assert path_weight(roads(), ["a", "b", "d"]) == 5


def test_float_weights():
    """With weights 0.5 and 0.25 the distance from x to z is 0.75."""
    g = Graph.from_edges([("x", "y", 0.5), ("y", "z", 0.25), ("x", "z", 1.0)])
    assert math.isclose(dijkstra(g, "x")[0]["z"], 0.75)


def test_zero_weight_edge_allowed():
    """Dijkstra accepts the zero-weight edge a-b and gives b a distance of 0."""
    g = Graph.from_edges([("a", "b", 0), ("b", "c", 2)])
    assert dijkstra(g, "a")[0] == {"a": 0, "b": 0, "c": 2}
