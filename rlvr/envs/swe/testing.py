"""Helpers for testing SWE-v0: a small hand-written task, tasks to sample, and tool-call text.

Used by rlvr's own tests (``tests/envs/swe``, ``tests/adversarial``) and
handy for checking a machine by hand::

    from rlvr.envs.swe.testing import sample_tasks, gold_files_command
"""

from __future__ import annotations

import base64
import json
import os
import re

from rlvr.envs.swe.patches import apply_patch
from rlvr.envs.swe.task import SweTask

_MONEY = '''"""Money amounts in integer cents."""


def to_cents(amount):
    """Round a decimal amount to whole cents."""
    return int(round(amount * 100))


def format_cents(cents):
    """Render cents as a dollar string such as '$12.05'."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}${cents // 100}.{cents % 100:02d}"
'''

_CART = '''"""A shopping cart with bulk discounts."""

from shop.money import format_cents, to_cents

BULK_THRESHOLD = 10
BULK_DISCOUNT = 0.1


class Cart:
    def __init__(self):
        self.lines = []

    def add(self, name, unit_price, quantity=1):
        if quantity <= 0:
            raise ValueError("quantity must be positive")
        self.lines.append((name, to_cents(unit_price), quantity))

    def line_total(self, unit_cents, quantity):
        total = unit_cents * quantity
        if quantity {op} BULK_THRESHOLD:
            total -= int(round(total * BULK_DISCOUNT))
        return total

    def total_cents(self):
        return sum(self.line_total(unit, qty) for _, unit, qty in self.lines)

    def receipt(self):
        return "\\n".join([f"{{name}} x{{qty}}: {{format_cents(self.line_total(unit, qty))}}"
                          for name, unit, qty in self.lines] + [f"total: {{format_cents(self.total_cents())}}"])
'''

_VISIBLE = '''from shop.cart import Cart
from shop.money import format_cents, to_cents


def test_to_cents_rounds():
    assert to_cents(1.005) in (100, 101)
    assert to_cents(2.5) == 250


def test_format_cents():
    assert format_cents(1205) == "$12.05"
    assert format_cents(-50) == "-$0.50"


def test_small_order_has_no_discount():
    cart = Cart()
    cart.add("pen", 1.50, 3)
    assert cart.total_cents() == 450


def test_large_order_gets_discount():
    cart = Cart()
    cart.add("pen", 1.00, 20)
    assert cart.total_cents() == 1800
'''

_HIDDEN = '''from shop.cart import Cart


def test_hidden_discount_starts_exactly_at_threshold_qx7():
    cart = Cart()
    cart.add("pen", 1.00, 10)
    assert cart.total_cents() == 900


def test_hidden_receipt_lists_lines_and_total_qx7():
    cart = Cart()
    cart.add("pen", 2.00, 1)
    assert cart.receipt() == "pen x1: $2.00\\ntotal: $2.00"
'''

_STATEMENT = """Bulk discount is not applied to an order of exactly 10 items

The docs say orders of 10 or more units of an item get 10% off. Adding 10 pens at $1.00 each
gives a total of 1000 cents, but I expected 900. With 20 pens the discount is applied correctly.
"""


def hand_written_task() -> SweTask:
    """A two-module task (``shop``) whose bug is an off-by-one comparison, with hidden tests."""
    buggy = {"shop/__init__.py": '"""A tiny shop."""\n', "shop/money.py": _MONEY,
             "shop/cart.py": _CART.format(op=">"), "tests/test_shop.py": _VISIBLE}
    clean_cart = _CART.format(op=">=")
    gold = _diff("shop/cart.py", buggy["shop/cart.py"], clean_cart)
    hidden = "hidden_tests/test_shop_hidden.py"
    return SweTask(
        id="shop-handwritten-0", repo="shop", problem_statement=_STATEMENT, files=buggy,
        hidden_files={hidden: _HIDDEN}, gold_patch=gold,
        fail_to_pass=(f"{hidden}::test_hidden_discount_starts_exactly_at_threshold_qx7",),
        pass_to_pass=(f"{hidden}::test_hidden_receipt_lists_lines_and_total_qx7",
                      "tests/test_shop.py::test_to_cents_rounds", "tests/test_shop.py::test_format_cents",
                      "tests/test_shop.py::test_small_order_has_no_discount",
                      "tests/test_shop.py::test_large_order_gets_discount"),
        kind="mutation")


def _diff(path: str, old: str, new: str) -> str:
    import difflib

    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        f"a/{path}", f"b/{path}"))


def bundled_tasks(limit: int | None = None) -> list[SweTask]:
    """Tasks from the bundled task file, spread over its repositories (empty if it is absent)."""
    from rlvr.envs.swe.env import BUNDLED_PATH, JsonlSource

    if not os.path.isfile(BUNDLED_PATH):
        return []
    source = JsonlSource(BUNDLED_PATH)
    tasks = [source[i] for i in range(len(source))]
    by_repo: dict[str, list[SweTask]] = {}
    for task in tasks:
        by_repo.setdefault(task.repo, []).append(task)
    picked: list[SweTask] = []
    for round_ in range(max((len(v) for v in by_repo.values()), default=0)):
        for repo in sorted(by_repo):
            if round_ < len(by_repo[repo]):
                picked.append(by_repo[repo][round_])
    return picked[:limit] if limit is not None else picked


def tasks_by_shape(shapes: tuple[str, ...] = ("single", "double", "triple", "implement")) -> list[SweTask]:
    """One bundled task per shape (``meta["shape"]``), each from a different repository where possible."""
    picked: list[SweTask] = []
    for shape in shapes:
        candidates = [t for t in bundled_tasks() if t.meta.get("shape", t.kind) == shape]
        fresh = [t for t in candidates if t.repo not in {p.repo for p in picked}]
        if fresh or candidates:
            picked.append((fresh or candidates)[0])
    return picked


def sample_tasks(n: int = 2) -> list[SweTask]:
    """The hand-written task plus up to ``n - 1`` bundled tasks from different repositories."""
    return [hand_written_task(), *bundled_tasks(max(n - 1, 0))]


def clean_files(task: SweTask) -> dict[str, str]:
    """The task's workspace tree with the gold patch applied."""
    return apply_patch(task.files, task.gold_patch)


def changed_by_gold(task: SweTask) -> dict[str, str]:
    """The files the gold patch changes, with their clean content."""
    clean = clean_files(task)
    return {p: c for p, c in clean.items() if task.files.get(p) != c}


def tool_call(name: str, **arguments) -> str:
    """The text of one tool call in the ``<tool_call>`` format."""
    return f"<tool_call>{json.dumps({'name': name, 'arguments': arguments})}</tool_call>"


def write_files_command(files: dict[str, str]) -> str:
    """A bash command that writes ``files`` with python (works without git or patch)."""
    blob = base64.b64encode(json.dumps(files).encode()).decode()
    return ("python3 -c \"import base64, json, os\nfor p, c in json.loads(base64.b64decode('" + blob +
            "')).items():\n    os.makedirs(os.path.dirname(p) or '.', exist_ok=True)\n"
            "    open(p, 'w').write(c)\"")


def gold_files_command(task: SweTask) -> str:
    """A bash command that applies the gold patch by writing the changed files."""
    return write_files_command(changed_by_gold(task))


def git_apply_command(task: SweTask) -> str:
    """A bash command that applies the gold patch with ``git apply`` (needs git in the sandbox)."""
    return f"git apply --whitespace=nowarn <<'RLVR_GOLD_PATCH'\n{task.gold_patch}\nRLVR_GOLD_PATCH"


def hidden_test_names(task: SweTask) -> list[str]:
    """Names of hidden test functions that appear nowhere in the visible files, longest first (leak searches)."""
    visible = "\n".join(task.files.values()) + task.problem_statement
    names = []
    for text in task.hidden_files.values():
        for name in re.findall(r"def (test_\w+)", text):
            if len(name) >= 12 and name not in visible and name not in names:
                names.append(name)
    return sorted(names, key=lambda n: (-len(n), n))  # longest first: least likely to occur by chance
