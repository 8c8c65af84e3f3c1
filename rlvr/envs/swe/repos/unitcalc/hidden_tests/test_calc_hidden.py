import pytest

from unitcalc import (CalcSyntaxError, Calculator, Quantity, UnknownUnitError, auto_prefix,
                      calculate, format_number, format_quantity, humanize, parse_unit,
                      split_assignment)


def test_calculator_variables_and_ans():
    """Running 'x = 3 m', 'y = 4 m', 'sqrt(x^2 + y^2)', 'ans * 2' gives '3 m', '4 m', '5 m', '10 m'."""
    lines = ["x = 3 m", "y = 4 m", "sqrt(x^2 + y^2)", "ans * 2"]
    assert Calculator().run(lines) == ["3 m", "4 m", "5 m", "10 m"]


def test_calculator_reports_errors_and_skips_comments():
    """Running '# note', '1 m + 1 s' and '2 * 3' gives an error line for the sum and '6'."""
    assert Calculator().run(["# note", "1 m + 1 s", "2 * 3"]) == [
        "error: cannot add length and time", "6"]


def test_assignment_to_unit_symbol_refused():
    """Assigning to 'kg' is refused because it is a unit symbol."""
    with pytest.raises(ValueError, match="unit symbol"):
        split_assignment("kg = 3")


def test_assignment_to_reserved_name_refused():
    """Assigning to 'ans' is refused because the name is reserved."""
    with pytest.raises(ValueError, match="reserved"):
        split_assignment("ans = 3")


def test_history_is_bounded():
    """With max_history=2, after three lines only the last two are kept: '2' and '3'."""
    calc = Calculator(max_history=2)
    calc.run(["1", "2", "3"])
    assert [output for _, output in calc.history] == ["2", "3"]


def test_unknown_unit_after_number():
    """Calculating '3 parsecs' raises an unknown-unit error."""
    with pytest.raises(UnknownUnitError):
        calculate("3 parsecs")


def test_conversion_without_unit_is_error():
    """Calculating '3 m to' raises a syntax error."""
    with pytest.raises(CalcSyntaxError):
        calculate("3 m to")


def test_fractional_exponent_is_error():
    """Calculating '2 ^ 0.5' raises a syntax error because exponents must be integers."""
    with pytest.raises(CalcSyntaxError, match="integers"):
        calculate("2 ^ 0.5")


def test_percent_to_plain_number():
    """Calculating '0.25 to %' gives '25 percent'."""
    assert calculate("0.25 to %") == "25 percent"


def test_underscore_digit_groups():
    """Calculating '1_500 m to km' gives '1.5 km'."""
    assert calculate("1_500 m to km") == "1.5 km"


def test_parse_unit_bad_exponent():
    """Parsing 'm^x' raises an error about the malformed exponent."""
    with pytest.raises(ValueError, match="exponent"):
        parse_unit("m^x")


def test_format_number_scientific_small():
    """Formatting -0.00002512 gives '-2.512e-5'."""
    assert format_number(-0.00002512) == "-2.512e-5"


def test_auto_prefix_small_mass():
    """Choosing a prefix for 0.002 g gives '2 mg'."""
    assert format_quantity(auto_prefix(Quantity(0.002, "g"))) == "2 mg"


def test_auto_prefix_leaves_compound_units():
    """Choosing a prefix for 1500 m/s leaves '1500 m/s' unchanged."""
    assert format_quantity(auto_prefix(Quantity(1500, "m/s"))) == "1500 m/s"


def test_humanize_small_time_stays_seconds():
    """Humanizing 0.5 s gives '0.5 s'."""
    assert format_quantity(humanize(Quantity(0.5, "s"))) == "0.5 s"


def test_scientific_notation_negative_exponent():
    """Calculating '2.5e-3 km to m' gives '2.5 m'."""
    assert calculate("2.5e-3 km to m") == "2.5 m"


def test_leading_dot_number():
    """Calculating '.5 m to cm' gives '50 cm'."""
    assert calculate(".5 m to cm") == "50 cm"


def test_percent_sign_followed_by_operator():
    """Calculating '50%*4' gives '200 percent'."""
    assert calculate("50%*4") == "200 percent"


def test_auto_prefix_zero_unchanged():
    """Choosing a prefix for 0 m leaves '0 m' unchanged."""
    assert format_quantity(auto_prefix(Quantity(0, "m"))) == "0 m"


def test_humanize_kelvin_stays_kelvin():
    """Humanizing 300 K gives '300 K', never a Celsius or Fahrenheit reading."""
    assert format_quantity(humanize(Quantity(300, "K"))) == "300 K"
