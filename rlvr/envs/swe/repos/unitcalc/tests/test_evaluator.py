import pytest

from unitcalc import CalcSyntaxError, calculate, evaluate, tokenize


def test_tokenize_quantity_expression():
    """Tokenizing '3 km + 2.5e3 m' gives 3, km, +, 2.5e3, m and the end marker."""
    assert [t.text for t in tokenize("3 km + 2.5e3 m")] == ["3", "km", "+", "2.5e3", "m", ""]


def test_calculate_sum_with_conversion():
    """Calculating '3 km + 200 m to m' gives '3200 m'."""
    assert calculate("3 km + 200 m to m") == "3200 m"


def test_calculate_speed_in_m_per_s():
    """Calculating '36 km / 1 h in m/s' gives '10 m/s'."""
    assert calculate("36 km / 1 h in m/s") == "10 m/s"


def test_calculate_force():
    """Calculating '9.81 m/s^2 * 70 kg to N' gives '686.7 N'."""
    assert calculate("9.81 m/s^2 * 70 kg to N") == "686.7 N"


def test_plain_arithmetic_precedence():
    """Calculating '2 + 3 * 4' gives '14'."""
    assert calculate("2 + 3 * 4") == "14"


def test_parentheses():
    """Calculating '(2 + 3) * 4' gives '20'."""
    assert calculate("(2 + 3) * 4") == "20"


def test_unary_minus():
    """Calculating '-3 m + 5 m' gives '2 m'."""
    assert calculate("-3 m + 5 m") == "2 m"


def test_power_of_parenthesised_quantity():
    """Calculating '(2 m)^2' gives '4 m^2'."""
    assert calculate("(2 m)^2") == "4 m^2"


def test_sqrt_function():
    """Calculating 'sqrt(16 m^2)' gives '4 m'."""
    assert calculate("sqrt(16 m^2)") == "4 m"


def test_variables_in_expression():
    """Evaluating 'd / t' with d = 100 m and t = 20 s gives 5 m/s."""
    from unitcalc import Quantity
    result = evaluate("d / t", {"d": Quantity(100, "m"), "t": Quantity(20, "s")})
    assert (result.value, str(result.unit)) == (5.0, "m/s")


def test_unbalanced_parenthesis_is_error():
    """Calculating '(2 + 3' raises a syntax error."""
    with pytest.raises(CalcSyntaxError):
        calculate("(2 + 3")


def test_calculate_difference_with_conversion():
    """Calculating '2 h - 30 min to min' gives '90 min'."""
    assert calculate("2 h - 30 min to min") == "90 min"


def test_syntax_error_reports_position_zero():
    """Calculating '* 3' raises a syntax error that points at position 0."""
    with pytest.raises(CalcSyntaxError, match="position 0"):
        calculate("* 3")


def test_calculator_default_digits():
    """A calculator with default settings shows '2/3' as '0.666667'."""
    from unitcalc import Calculator
    assert Calculator().execute("2/3") == "0.666667"


def test_missing_operand_reports_end_of_input():
    """Calculating '3 +' raises a syntax error saying it found the end of input."""
    with pytest.raises(CalcSyntaxError, match="end of input"):
        calculate("3 +")


def test_empty_line_error_message():
    """Executing a blank line in the calculator raises the error 'empty input' with no position."""
    from unitcalc import Calculator
    with pytest.raises(CalcSyntaxError) as info:
        Calculator().execute("   ")
    assert str(info.value) == "empty input"


def test_bare_leading_dot_number():
    """Calculating '.5' gives '0.5'."""
    assert calculate(".5") == "0.5"
