import pytest

from unitcalc import DimensionError, Quantity


def test_convert_km_to_m():
    """Converting 2.5 km to m gives 2500."""
    assert Quantity(2.5, "km").to("m").value == 2500.0


def test_convert_mile_to_km():
    """Converting 1 mi to km gives 1.609344."""
    assert round(Quantity(1, "mi").to("km").value, 6) == 1.609344


def test_convert_celsius_to_fahrenheit():
    """Converting 100 degC to degF gives 212."""
    assert round(Quantity(100, "degC").to("degF").value, 9) == 212.0


def test_add_converts_right_operand():
    """Adding 3 km and 200 m gives 3.2 km."""
    result = Quantity(3, "km") + Quantity(200, "m")
    assert (round(result.value, 9), str(result.unit)) == (3.2, "km")


def test_subtract_quantities():
    """Subtracting 30 min from 2 h gives 1.5 h."""
    result = Quantity(2, "h") - Quantity(30, "min")
    assert (result.value, str(result.unit)) == (1.5, "h")


def test_add_incompatible_raises():
    """Adding 5 m and 2 s raises a dimension error."""
    with pytest.raises(DimensionError):
        Quantity(5, "m") + Quantity(2, "s")


def test_multiply_combines_units():
    """Multiplying 3 m by 4 m gives 12 m^2."""
    result = Quantity(3, "m") * Quantity(4, "m")
    assert (result.value, str(result.unit)) == (12, "m^2")


def test_divide_gives_speed():
    """Dividing 100 km by 2 h gives 50 km/h."""
    result = Quantity(100, "km") / Quantity(2, "h")
    assert (result.value, str(result.unit)) == (50.0, "km/h")


def test_power_of_quantity():
    """Raising 3 cm to the power 3 gives 27 cm^3."""
    result = Quantity(3, "cm") ** 3
    assert (result.value, str(result.unit)) == (27, "cm^3")


def test_equality_across_units():
    """1 km equals 1000 m."""
    assert Quantity(1, "km") == Quantity(1000, "m")


def test_less_than_across_units():
    """1 ft is less than 1 m."""
    assert Quantity(1, "ft") < Quantity(1, "m")


def test_sqrt_of_area():
    """The square root of 9 m^2 is 3 m."""
    result = Quantity(9, "m^2").sqrt()
    assert (result.value, str(result.unit)) == (3.0, "m")


def test_convert_celsius_to_kelvin():
    """Converting 25 degC to K gives 298.15."""
    assert round(Quantity(25, "degC").to("K").value, 9) == 298.15


def test_scalar_times_quantity():
    """Multiplying the number 3 by 2 kg gives 6 kg."""
    result = 3 * Quantity(2, "kg")
    assert (result.value, str(result.unit)) == (6, "kg")


def test_less_or_equal_and_greater_or_equal_strict_cases():
    """1 ft <= 1 m is true and 1 m >= 1 ft is true."""
    assert (Quantity(1, "ft") <= Quantity(1, "m"), Quantity(1, "m") >= Quantity(1, "ft")) == (True, True)
