import pytest

from unitcalc import CompoundUnit, UnknownUnitError, lookup_unit, parse_unit, units_for


def test_lookup_exact_unit():
    """Looking up 'ft' gives the foot with factor 0.3048."""
    assert (lookup_unit("ft").name, lookup_unit("ft").factor) == ("foot", 0.3048)


def test_lookup_prefixed_unit():
    """Looking up 'km' gives 'kilometre' with factor 1000."""
    unit = lookup_unit("km")
    assert (unit.name, unit.factor) == ("kilometre", 1000.0)


def test_exact_symbol_wins_over_prefix():
    """Looking up 'min' gives the minute (60 s), not a milli-something."""
    assert lookup_unit("min").factor == 60.0


def test_unknown_unit_raises():
    """Looking up 'furlong' raises an unknown-unit error."""
    with pytest.raises(UnknownUnitError):
        lookup_unit("furlong")


def test_parse_compound_unit_text():
    """Parsing 'kg*m/s^2' and printing it back gives 'kg*m/s^2'."""
    assert str(parse_unit("kg*m/s^2")) == "kg*m/s^2"


def test_parse_unit_division_applies_to_next_only():
    """Parsing 'J/kg/K' gives J with kg^-1 and K^-1."""
    assert parse_unit("J/kg/K").terms == (("J", 1), ("K", -1), ("kg", -1))


def test_compound_factor():
    """The unit 'km/h' converts to SI with factor 1000/3600."""
    assert round(parse_unit("km/h").factor, 9) == round(1000 / 3600, 9)


def test_units_cancel():
    """Multiplying 'm/s' by 's' gives plain 'm'."""
    assert parse_unit("m/s") * CompoundUnit.of("s") == CompoundUnit.of("m")


def test_units_for_length_sorted():
    """The table's length units sorted by size are in, ft, yd, m, mi."""
    assert units_for(lookup_unit("m").dimension) == ["in", "ft", "yd", "m", "mi"]
