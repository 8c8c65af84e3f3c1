"""tmpl: a small templating engine.

>>> from tmpl import render_string
>>> render_string("Hello {{ name|upper }}!", name="bob")
'Hello BOB!'
"""

from .context import Context, Undefined, UndefinedError
from .engine import Environment, Template, render_string
from .filters import DEFAULT_FILTERS
from .lexer import TemplateError, TemplateSyntaxError, Token, tokenize, tokenize_expression
from .markup import Markup, escape, striptags, unescape
from .expressions import TemplateRuntimeError
from .parser import parse_expression

__all__ = [
    "Context", "DEFAULT_FILTERS", "Environment", "Markup", "Template", "TemplateError",
    "TemplateRuntimeError", "TemplateSyntaxError", "Token", "Undefined", "UndefinedError",
    "escape", "parse_expression", "render_string", "striptags", "tokenize",
    "tokenize_expression", "unescape",
]
