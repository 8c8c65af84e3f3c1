"""Procedural math families, one module each; importing this package registers them all."""

from __future__ import annotations

import importlib

from rlvr.envs.math.families.base import FAMILIES, Family, FamilyConfig, Problem, register_family

#: Modules in this package that define a family (each registers itself on import).
FAMILY_MODULES: tuple[str, ...] = (
    "integer_arithmetic",
    "order_of_operations",
    "fraction_arithmetic",
    "decimal_percent",
    "linear_equation",
    "linear_system",
    "quadratic_equation",
    "polynomial_expansion",
    "polynomial_factoring",
    "inequality",
    "exponents",
    "logarithms",
    "arithmetic_sequence",
    "geometric_sequence",
    "gcd_lcm",
    "modular_arithmetic",
    "divisors",
    "prime_factorization",
    "determinant",
    "matrix_product",
    "matrix_equation",
    "complex_numbers",
    "combinatorics",
    "probability",
    "polygon_geometry",
    "pythagoras",
    "coordinate_geometry",
    "derivative",
    "definite_integral",
    "limit",
)

for _module in FAMILY_MODULES:
    importlib.import_module(f"{__name__}.{_module}")

__all__ = ["FAMILIES", "Family", "FamilyConfig", "Problem", "register_family", "FAMILY_MODULES"]
