import pytest

from unitcalc import DimensionError, Quantity


def test_convert_fahrenheit_to_celsius():
    """Converting 212 degF to degC gives 100."""
    assert round(Quantity(212, "degF").to("degC").value, 9) == 100.0


def test_convert_kelvin_to_celsius():
    """Converting 0 K to degC gives -273.15."""
    assert round(Quantity(0, "K").to("degC").value, 9) == -273.15


def test_convert_incompatible_raises():
    """Converting 3 kg to m raises a dimension error naming mass and length."""
    with pytest.raises(DimensionError, match="mass and length"):
        Quantity(3, "kg").to("m")


def test_multiply_offset_unit_refused():
    """Multiplying 20 degC by 2 is refused with an error."""
    with pytest.raises(ValueError, match="degC"):
        Quantity(20, "degC") * 2


def test_number_divided_by_quantity():
    """Dividing the number 1 by 4 s gives 0.25 1/s."""
    result = 1 / Quantity(4, "s")
    assert (result.value, str(result.unit)) == (0.25, "1/s")


def test_number_minus_dimensionless():
    """Subtracting the dimensionless 0.25 from the number 1 gives 0.75."""
    assert (1 - Quantity(0.25)).value == 0.75


def test_divide_by_zero_quantity():
    """Dividing 5 m by 0 s raises a division by zero error."""
    with pytest.raises(ZeroDivisionError):
        Quantity(5, "m") / Quantity(0, "s")


def test_negative_power():
    """Raising 2 s to the power -1 gives 0.5 1/s."""
    result = Quantity(2, "s") ** -1
    assert (result.value, str(result.unit)) == (0.5, "1/s")


def test_comparisons_with_tolerance():
    """100 cm is both <= 1 m and >= 1 m, and neither < nor > it."""
    a, b = Quantity(100, "cm"), Quantity(1, "m")
    assert (a <= b, a >= b, a < b, a > b) == (True, True, False, False)


def test_greater_than_across_units():
    """1 mi is greater than 1 km."""
    assert Quantity(1, "mi") > Quantity(1, "km")


def test_different_dimensions_not_equal():
    """1 m is not equal to 1 s."""
    assert (Quantity(1, "m") == Quantity(1, "s")) is False


def test_simplify_to_si():
    """Simplifying 2 km/h gives about 0.555556 m/s in SI base units."""
    result = Quantity(2, "km/h").simplify()
    assert (round(result.value, 6), str(result.unit)) == (0.555556, "m/s")


def test_sqrt_odd_unit_refused():
    """The square root of 8 m^3 raises a dimension error."""
    with pytest.raises(DimensionError):
        Quantity(8, "m^3").sqrt()


def test_abs_and_negation():
    """The absolute value of -(4 N) is 4 N."""
    result = abs(-Quantity(4, "N"))
    assert (result.value, str(result.unit)) == (4, "N")


def test_sqrt_of_zero_area():
    """The square root of 0 m^2 is 0 m."""
    result = Quantity(0, "m^2").sqrt()
    assert (result.value, str(result.unit)) == (0.0, "m")


def test_sqrt_of_negative_refused():
    """The square root of -4 m^2 is refused with an error."""
    with pytest.raises(ValueError, match="negative"):
        Quantity(-4, "m^2").sqrt()


def test_force_and_pressure_names():
    """A newton has the dimension 'force' and a pascal the dimension 'pressure'."""
    from unitcalc import lookup_unit
    assert (lookup_unit("N").dimension.name, lookup_unit("Pa").dimension.name) == ("force", "pressure")
