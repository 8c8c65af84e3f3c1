from unitcalc import calculate, convert, format_unit, parse_unit


def test_convert_helper():
    """Converting 5 ft to inches gives 60."""
    assert round(convert(5, "ft", "in"), 9) == 60.0


def test_negative_exponent_in_expression():
    """Calculating '10 * 2^-2' gives '2.5'."""
    assert calculate("10 * 2^-2") == "2.5"


def test_parse_unit_negative_power():
    """Parsing 'm^-1' gives a unit printed as '1/m'."""
    assert str(parse_unit("m^-1")) == "1/m"


def test_format_pretty_unit():
    """Pretty-printing the unit 'kg*m/s^2' gives 'kg·m/s²'."""
    assert format_unit(parse_unit("kg*m/s^2"), pretty=True) == "kg·m/s²"


def test_litre_to_cubic_centimetres():
    """Calculating '1 L to cm^3' gives '1000 cm^3'."""
    assert calculate("1 L to cm^3") == "1000 cm^3"
