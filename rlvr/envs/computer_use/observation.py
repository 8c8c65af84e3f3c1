"""What the policy sees of a page: a compact accessibility-tree text.

The browser side (a script injected into every page) walks the DOM and returns
one :class:`Node` per element worth showing, in document order. Interactive
elements carry a short integer id that stays the same for the element's whole
lifetime (it is stored on the element), so ``[12] button 'Send'`` means the same
button on every step until the page removes it. Non-interactive text carries no
id; it is there to be read (an e-mail body, a cell's value, a heading).

Oracle solvers of the desktop suite work on :class:`Observation` only, like the
policy: they find elements by role and name, never by reading hidden state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

#: Roles that are acted upon; they carry ids.
INTERACTIVE_ROLES = frozenset({
    "button", "link", "textbox", "checkbox", "radio", "combobox", "option",
    "menuitem", "tab", "switch", "slider", "spinbutton", "searchbox", "cell",
    "gridcell", "listitem", "treeitem", "row",
})


@dataclass(frozen=True)
class Node:
    """One element of the page as the policy sees it.

    Attributes:
        id: Stable id for interactive elements, ``None`` for plain text.
        role: ARIA-style role (``button``, ``textbox``, ``heading``, ``text``, ...).
        name: Accessible name: aria-label, associated label, or visible text (trimmed).
        value: Current value of a field (text, selected option), if any.
        depth: Nesting depth, for indentation in the rendered text.
        checked: Checkbox/radio/switch state, if any.
        disabled: Whether the element refuses input.
        focused: Whether the element has keyboard focus.
        selected: ``aria-selected`` (tabs, list options) or a ``<select>``'s chosen option.
    """

    id: int | None
    role: str
    name: str
    value: str | None = None
    depth: int = 0
    checked: bool | None = None
    disabled: bool = False
    focused: bool = False
    selected: bool | None = None

    def render(self) -> str:
        """One line: ``[12] button 'Send'`` (ids only on interactive nodes)."""
        parts = [f"[{self.id}]"] if self.id is not None else []
        parts.append(self.role)
        if self.name:
            parts.append(repr(self.name))
        if self.value is not None and self.value != self.name:
            parts.append(f"value={self.value!r}")
        if self.checked is not None:
            parts.append("checked" if self.checked else "unchecked")
        if self.disabled:
            parts.append("disabled")
        if self.selected:
            parts.append("selected")
        if self.focused:
            parts.append("focused")
        return "  " * self.depth + " ".join(parts)


@dataclass(frozen=True)
class Observation:
    """The instruction and the page's nodes at one step."""

    instruction: str
    nodes: tuple[Node, ...] = field(default_factory=tuple)
    url: str = ""

    def text(self) -> str:
        """The text the policy reads: instruction, then one line per node."""
        lines = [f"Task: {self.instruction}", ""]
        lines.extend(node.render() for node in self.nodes)
        return "\n".join(lines)

    def find_all(self, role: str | None = None, name: str | None = None, *,
                 contains: str | None = None, interactive: bool | None = None) -> list[Node]:
        """Nodes matching every given criterion (``name`` exact, ``contains`` a substring)."""
        return list(self._iter(role, name, contains, interactive))

    def find(self, role: str | None = None, name: str | None = None, *,
             contains: str | None = None, interactive: bool | None = None) -> Node | None:
        """The first node matching every given criterion, or ``None``."""
        return next(self._iter(role, name, contains, interactive), None)

    def by_id(self, node_id: int) -> Node | None:
        """The node carrying ``node_id``, or ``None`` if the page no longer shows it."""
        return next((n for n in self.nodes if n.id == node_id), None)

    def _iter(self, role: str | None, name: str | None, contains: str | None,
              interactive: bool | None) -> Iterator[Node]:
        for node in self.nodes:
            if role is not None and node.role != role:
                continue
            if name is not None and node.name != name:
                continue
            if contains is not None and contains not in node.name:
                continue
            if interactive is not None and (node.id is not None) != interactive:
                continue
            yield node
