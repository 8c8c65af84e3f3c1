"""unitcalc: a units-aware calculator.

>>> from unitcalc import calculate
>>> calculate("3 km + 200 m to m")
'3200 m'
"""

from .calc import Calculator, calculate, convert, split_assignment
from .compound import CompoundUnit, parse_unit
from .dimensions import Dimension, DimensionError
from .evaluator import evaluate
from .formatting import auto_prefix, format_number, format_quantity, format_unit, humanize
from .quantity import Quantity
from .tokenizer import CalcSyntaxError, tokenize
from .units import Unit, UnknownUnitError, is_known, lookup_unit, units_for

__all__ = [
    "CalcSyntaxError", "Calculator", "CompoundUnit", "Dimension", "DimensionError", "Quantity",
    "Unit", "UnknownUnitError", "auto_prefix", "calculate", "convert", "evaluate",
    "format_number", "format_quantity", "format_unit", "humanize", "is_known", "lookup_unit",
    "parse_unit", "split_assignment", "tokenize", "units_for",
]
