from unitcalc import Quantity, auto_prefix, format_number, format_quantity, humanize


def test_format_number_strips_zeros():
    """Formatting 2.50 gives '2.5'."""
    assert format_number(2.50) == "2.5"


def test_format_number_significant_digits():
    """Formatting 2/3 with 4 significant digits gives '0.6667'."""
    assert format_number(2 / 3, 4) == "0.6667"


def test_format_number_rounds_large_integers():
    """Formatting 1234567 with 6 significant digits gives '1234570'."""
    assert format_number(1234567) == "1234570"


def test_format_number_scientific_large():
    """Formatting 1.5e9 gives '1.5e9'."""
    assert format_number(1.5e9) == "1.5e9"


def test_format_quantity_with_unit():
    """Formatting 12.5 km/h gives '12.5 km/h'."""
    assert format_quantity(Quantity(12.5, "km/h")) == "12.5 km/h"


def test_auto_prefix_large_length():
    """Choosing a prefix for 1500 m gives '1.5 km'."""
    assert format_quantity(auto_prefix(Quantity(1500, "m"))) == "1.5 km"


def test_humanize_seconds_to_hours():
    """Humanizing 5400 s gives '1.5 h'."""
    assert format_quantity(humanize(Quantity(5400, "s"))) == "1.5 h"


def test_format_number_scientific_rounds_mantissa():
    """Formatting 123456789012 with 4 significant digits gives '1.235e11'."""
    assert format_number(123456789012, 4) == "1.235e11"


def test_format_zero():
    """Formatting 0.0 gives '0'."""
    assert format_number(0.0) == "0"


def test_auto_prefix_from_prefixed_unit():
    """Choosing a prefix for 2500 mm gives '2.5 m'."""
    assert format_quantity(auto_prefix(Quantity(2500, "mm"))) == "2.5 m"


def test_auto_prefix_exact_thousand():
    """Choosing a prefix for exactly 1000 m gives '1 km'."""
    assert format_quantity(auto_prefix(Quantity(1000, "m"))) == "1 km"


def test_auto_prefix_below_smallest_prefix():
    """Choosing a prefix for 1e-12 m falls back to nanometres: '0.001 nm'."""
    assert format_quantity(auto_prefix(Quantity(1e-12, "m"))) == "0.001 nm"
