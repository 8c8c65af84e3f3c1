import pytest

from unitcalc import Dimension, DimensionError


def test_multiply_adds_exponents():
    """Length times length is area (length exponent 2)."""
    assert (Dimension(length=1) * Dimension(length=1)).name == "area"


def test_divide_subtracts_exponents():
    """Length divided by time squared is acceleration."""
    assert (Dimension(length=1) / Dimension(time=2)).name == "acceleration"


def test_power_of_dimension():
    """Length to the power 3 has exponents (3, 0, 0, 0, 0, 0)."""
    assert (Dimension(length=1) ** 3).exponents == (3, 0, 0, 0, 0, 0)


def test_unnamed_dimension_formula():
    """A dimension of mass per length cubed is named 'mass/length^3'."""
    assert Dimension(length=-3, mass=1).name == "mass/length^3"


def test_inverse_unnamed_dimension():
    """A dimension of 1 / (current * time) is named '1/time/current'."""
    assert Dimension(time=-1, current=-1).name == "1/time/current"


def test_dimensionless_flag():
    """Velocity divided by velocity is dimensionless."""
    velocity = Dimension(length=1, time=-1)
    assert (velocity / velocity).is_dimensionless is True


def test_root_of_area():
    """The square root of area (length^2) is length."""
    assert Dimension(length=2).root() == Dimension(length=1)


def test_root_of_odd_power_fails():
    """Taking the square root of volume (length^3) raises a dimension error."""
    with pytest.raises(DimensionError):
        Dimension(length=3).root(2)


def test_base_units_have_unit_exponents():
    """The kilogram has dimension exponents (0, 1, 0, 0, 0, 0) and the kelvin (0, 0, 0, 0, 1, 0)."""
    from unitcalc import lookup_unit
    assert (lookup_unit("kg").dimension.exponents, lookup_unit("K").dimension.exponents) == (
        (0, 1, 0, 0, 0, 0), (0, 0, 0, 0, 1, 0))


def test_power_and_velocity_names():
    """A watt has the dimension 'power' and km/h the dimension 'velocity'."""
    from unitcalc import lookup_unit, parse_unit
    assert (lookup_unit("W").dimension.name, parse_unit("km/h").dimension.name) == ("power", "velocity")
