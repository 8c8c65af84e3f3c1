"""minigraph: a small graph library.

>>> from minigraph import Graph, shortest_path
>>> g = Graph.from_edges([("a", "b", 2), ("b", "c", 1), ("a", "c", 5)])
>>> shortest_path(g, "a", "c")
(3, ['a', 'b', 'c'])
"""

from .components import (component_of, connected_components, is_connected,
                         is_strongly_connected, number_of_components,
                         strongly_connected_components)
from .dag import (CycleError, ancestors, descendants, find_cycle, is_dag, longest_path,
                  topological_sort, transitive_reduction_edges)
from .graph import Graph, GraphError
from .mst import is_spanning_tree, kruskal, minimum_spanning_tree, prim, tree_weight
from .paths import (all_simple_paths, center, degree_sequence, diameter, eccentricity, is_path,
                    is_simple_path, path_edges, path_weight, radius)
from .shortest import (NegativeCycleError, NegativeWeightError, bellman_ford, build_path,
                       dijkstra, distance_matrix, shortest_path)
from .traversal import (bfs_layers, bfs_order, dfs_order, dfs_postorder, has_path, hop_distances,
                        reachable, shortest_hop_path)
from .unionfind import DisjointSet

__all__ = [
    "CycleError", "DisjointSet", "Graph", "GraphError", "NegativeCycleError",
    "NegativeWeightError", "all_simple_paths", "ancestors", "bellman_ford", "bfs_layers",
    "bfs_order", "build_path", "center", "component_of", "connected_components",
    "degree_sequence", "descendants", "dfs_order", "dfs_postorder", "diameter", "dijkstra",
    "distance_matrix", "eccentricity", "find_cycle", "has_path", "hop_distances", "is_connected",
    "is_dag", "is_path", "is_simple_path", "is_spanning_tree", "is_strongly_connected", "kruskal",
    "longest_path", "minimum_spanning_tree", "number_of_components", "path_edges", "path_weight",
    "prim", "radius", "reachable", "shortest_hop_path", "shortest_path",
    "strongly_connected_components", "topological_sort", "transitive_reduction_edges",
    "tree_weight",
]
