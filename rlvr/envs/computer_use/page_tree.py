"""Read a page into :class:`~rlvr.envs.computer_use.observation.Node` objects.

The whole walk is one ``page.evaluate`` of ``page_tree.js`` (one round trip
per observation). Its semantics, which the policy, the oracles and the
actions rely on:

* **Interactive elements** get an integer id: ``<button>``, ``<a href>``,
  ``<input>`` (not ``type=hidden``), ``<select>``, ``<textarea>``,
  ``<summary>``, elements whose ``role`` is an interactive ARIA role (button,
  link, checkbox, tab, option, menuitem, cell, listitem, ...), elements with
  ``onclick``, a ``tabindex`` other than -1, ``contenteditable`` (the
  outermost one), ``data-rlvr-action``, a click/mouse listener added through
  ``addEventListener`` (seen by :data:`LISTENER_HOOK_JS`, an init script), or
  a ``cursor: pointer`` that does not merely inherit a clickable parent's.
* **Ids are stable.** The first time the walk sees an element it takes the
  next value of a page-wide counter and stores it in the element's
  ``data-rlvr-id`` attribute (and in a ``WeakMap``, so a page that clones the
  element or rewrites the attribute does not create duplicates). An id
  never changes while its element lives and is never reused on that page.
  Actions find their target with ``[data-rlvr-id="N"]``.
* **Text runs** (DOM text nodes) become ``text`` nodes without an id,
  whitespace collapsed, trimmed, at most 120 characters. Text that is an
  interactive element's name (a button's label) or a ``<label>`` naming a
  control is not repeated. ``<h1>``-``<h6>`` become ``heading`` nodes.
* **Hidden elements are skipped** with their subtree: ``display: none``,
  ``aria-hidden="true"``, ``visibility: hidden`` leaves, zero-size boxes
  that clip (or have no children), ``<script>``/``<style>``/``<template>``.
  Elements scrolled out of view are kept (actions scroll them into view).
* **name** is the first non-empty of ``aria-label``, ``aria-labelledby``, the
  associated ``<label>``, ``placeholder``, ``alt``, ``title``; otherwise the
  element's visible text (buttons, links, clickable text; not fields).
* **value** is the current value of inputs (passwords as bullets), textareas,
  contenteditable, ``aria-valuenow``; a ``<select>``'s chosen option text,
  followed by its options as id-less ``option`` nodes (the ``selected`` flag
  marks the chosen one). **checked** is set for checkboxes and radios (and
  ``aria-checked``/``aria-pressed``), **selected** from ``aria-selected``.
* **role** comes from the ``role`` attribute, else the tag/type: ``link``,
  ``button``, ``textbox``, ``checkbox``, ``radio``, ``slider``,
  ``spinbutton``, ``searchbox``, ``combobox``/``listbox`` (select),
  ``listitem``, ``cell``, ``columnheader``; any other clickable element is
  ``clickable``.
* **depth** counts the shown interactive/heading ancestors (for indentation).
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

from rlvr.envs.computer_use.observation import Node

#: Runs before any page script (``context.add_init_script``): remembers which
#: elements receive click-like listeners, since those leave no trace in the DOM,
#: and which elements (by walk id) the last trusted mouse press landed in.
LISTENER_HOOK_JS = """
(() => {
  if (window.__rlvrClicky) return;
  const clicky = new WeakSet();
  Object.defineProperty(window, '__rlvrClicky', {value: clicky, enumerable: false});
  const kinds = new Set(['click', 'mousedown', 'mouseup', 'dblclick', 'pointerdown', 'pointerup']);
  // The ids (page walk's) of the target of the last trusted mouse press and its ancestors (and of
  // the control a pressed <label> stands for), innermost first; taken - and reset - by each walk.
  // A capture listener on window registered before any of the page's; document.open() removes
  // it, so every take() adds it again (a no-op while it is there).
  let down = null;
  const onDown = (e) => {
    if (!e.isTrusted) return;
    const ids = [];
    const known = window.__rlvrIds;
    for (let n = e.target; n && known; n = n.parentElement) {
      if (known.has(n)) ids.push(known.get(n));
      if (n.control && known.has(n.control)) ids.push(known.get(n.control));
    }
    down = ids;
  };
  window.addEventListener('pointerdown', onDown, true);
  Object.defineProperty(window, '__rlvrInput', {enumerable: false, value: Object.freeze({
    take: () => { window.addEventListener('pointerdown', onDown, true); const d = down; down = null; return d; },
  })});
  const original = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (kinds.has(type) && this instanceof Element && this !== document.body &&
        this !== document.documentElement) clicky.add(this);
    return original.call(this, type, listener, options);
  };
})();
"""


@functools.lru_cache(maxsize=1)
def walk_script() -> str:
    """The source of ``page_tree.js`` (read once)."""
    return resources.files("rlvr.envs.computer_use").joinpath("page_tree.js").read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def walk_json_script() -> str:
    """An expression giving the walk's result as one JSON string.

    A string crosses Playwright's protocol as one value, where the walk's
    nested rows would each be serialized, validated and rebuilt by
    Playwright's Python client (a millisecond per walk); Python's ``json``
    then parses it in microseconds. :func:`tree_from_raw` takes either form.
    """
    return f"JSON.stringify(\n{walk_script()}\n)"


def nodes_from_raw(raw: list[list[Any]]) -> tuple[Node, ...]:
    """Turn the walk's compact rows into :class:`Node` objects."""
    out = []
    for node_id, role, name, value, depth, checked, disabled, focused, selected in raw:
        out.append(Node(id=None if node_id is None else int(node_id), role=str(role), name=str(name or ""),
                        value=None if value is None else str(value), depth=int(depth),
                        checked=None if checked is None else bool(checked), disabled=bool(disabled),
                        focused=bool(focused), selected=None if selected is None else bool(selected)))
    return tuple(out)


#: Calls the walk that :func:`init_script` installed (``null`` in a document it did not run in).
WALK_CALL = "typeof window.__rlvrWalk === 'function' ? window.__rlvrWalk() : null"


@functools.lru_cache(maxsize=1)
def init_script() -> str:
    """What every document runs before its own scripts (``context.add_init_script``).

    :data:`LISTENER_HOOK_JS`, plus the walk (as ``window.__rlvrWalk()``,
    returning its JSON) and the click's hit test (``window.__rlvrClickTarget(id)``)
    installed as read-only window functions: each observation then sends a
    call of a few bytes, not the walk's 10 kB source, to be parsed by the
    driver and compiled by the page again.
    """
    from rlvr.envs.computer_use.actions import CLICK_TARGET_JS

    return LISTENER_HOOK_JS + f"""
(() => {{
  if (window.__rlvrWalk) return;
  const walk = () => JSON.stringify(
{walk_script()}
);
  const clickTarget = {CLICK_TARGET_JS};
  Object.defineProperty(window, '__rlvrWalk', {{value: walk, enumerable: false}});
  Object.defineProperty(window, '__rlvrClickTarget', {{value: clickTarget, enumerable: false}});
}})();
"""


def read_tree(page: Any) -> tuple[tuple[Node, ...], dict[str, Any]]:
    """Walk ``page`` (a Playwright ``Page``) in one ``evaluate`` call.

    Returns:
        The nodes in document order, and page facts read in the same trip:
        the scroll state ``"x", "y", "width", "height"``; ``"task_done"``
        (the page set ``window.__rlvrTaskDone = true``: its task ended on its
        own, as MiniWoB pages do) with ``"task_result"``, the page's
        ``window.__rlvrResult`` at that moment (the tree is then empty);
        ``"points"``, ``{id: (x, y)}``: where a click on each element lands
        now (the centre of its box, hit-tested; only elements in the viewport
        that the hit test finds, none while the page animates); ``"down"``,
        the ids around the last trusted mouse press since the previous walk
        (innermost first; ``None``: no press).
    """
    raw = page.evaluate(WALK_CALL)
    return tree_from_raw(raw if raw is not None else page.evaluate(walk_json_script()))


def tree_from_raw(result: dict[str, Any] | str) -> tuple[tuple[Node, ...], dict[str, Any]]:
    """:func:`read_tree`'s answer from the walk's raw result (taken by another script), or its JSON."""
    if isinstance(result, str):
        result = json.loads(result)
    x, y, w, h = result["scroll"]
    down = result.get("down")
    return nodes_from_raw(result["nodes"]), {
        "x": int(x), "y": int(y), "width": int(w), "height": int(h),
        "task_done": bool(result.get("taskDone")), "task_result": result.get("taskResult"),
        "points": {int(i): (float(px), float(py)) for i, px, py in result.get("points") or ()},
        "down": None if down is None else [int(i) for i in down]}
