"""The ComputerUse tools: JSON schemas for the prompt and their execution on a page.

Each call either acts and reports what it did in one short line, or reports
why it could not act (``Error: ...``): an id the current observation does not
show, a malformed argument, a Playwright failure (element covered, not
editable, action timeout). Either way the turn is spent and the episode goes
on; only a dead or hung browser (:class:`~rlvr.envs.computer_use.browser.BrowserError`,
Playwright's ``TargetClosedError``) escapes to the env, which ends the
episode with an ``error`` verdict.

Elements are addressed by the ids of :mod:`rlvr.envs.computer_use.page_tree`,
which the walk stores in ``data-rlvr-id`` attributes.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any

from rlvr.core.tool_calls import ToolCall, validate_call

#: Longest text accepted by ``type`` (a 1 MB action must not stall the browser).
MAX_TYPE_CHARS = 10_000


def _tool(name: str, description: str, properties: dict[str, Any], required: list[str]) -> dict:
    return {"type": "function", "function": {
        "name": name, "description": description,
        "parameters": {"type": "object", "properties": properties, "required": required,
                       "additionalProperties": False}}}


_ID = {"type": "integer", "description": "the element's id, the number in [brackets] in the page tree"}

#: OpenAI-style schemas, listed in the system prompt and passed to chat templates.
TOOLS: list[dict] = [
    _tool("click", "Click an element.", {"id": _ID}, ["id"]),
    _tool("type", "Replace the content of a text field with the given text.",
          {"id": _ID, "text": {"type": "string", "description": "the new content of the field"}}, ["id", "text"]),
    _tool("press", "Press a key or key combination on the focused element, e.g. Enter, Tab, "
          "Backspace, ArrowDown, Control+A.", {"key": {"type": "string"}}, ["key"]),
    _tool("select", "Choose an option of a drop-down list (select element) by its text.",
          {"id": _ID, "option": {"type": "string", "description": "the option's visible text"}}, ["id", "option"]),
    _tool("scroll", "Scroll the page or a scrollable element by most of its visible height.",
          {"target": {"type": ["integer", "string"], "description": 'an element id, or "page"'},
           "direction": {"type": "string", "enum": ["up", "down"]}}, ["target", "direction"]),
    _tool("click_xy", "Click at a point of the viewport, in CSS pixels from the top-left corner.",
          {"x": {"type": "number"}, "y": {"type": "number"}}, ["x", "y"]),
    _tool("done", "Finish the task; the result is checked now.", {}, []),
]

TOOL_NAMES = tuple(t["function"]["name"] for t in TOOLS)

_SCROLL_JS = """([id, dir]) => {
  const el = id === null ? (document.scrollingElement || document.documentElement)
                         : document.querySelector(`[data-rlvr-id="${id}"]`);
  if (!el) return null;
  const h = id === null ? window.innerHeight : el.clientHeight;
  const before = el.scrollTop;
  el.scrollBy(0, dir * Math.max(40, Math.round(h * 0.8)));
  return [before, el.scrollTop];
}"""


# The element's clickable point, scrolled into view: [x, y], or why it cannot be clicked.
# One round trip; the click itself is then a real mouse press and release at that point.
CLICK_TARGET_JS = """(id) => {
  const el = document.querySelector(`[data-rlvr-id="${id}"]`);
  if (!el || !el.isConnected) return 'it is no longer on the page';
  if (el.disabled || el.getAttribute('aria-disabled') === 'true') return 'it is disabled';
  el.scrollIntoView({block: 'nearest', inline: 'nearest'});
  const rects = Array.from(el.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
  if (!rects.length) return 'it is not visible';
  let blocker = null;
  for (const r of rects) {
    const pts = [[0.5, 0.5], [0.25, 0.5], [0.75, 0.5], [0.5, 0.25], [0.5, 0.75]];
    for (const [fx, fy] of pts) {
      const x = r.left + r.width * fx, y = r.top + r.height * fy;
      if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) continue;
      const hit = document.elementFromPoint(x, y);
      if (hit && (hit === el || el.contains(hit) || (hit.control && hit.control === el) ||
                  (el.labels && Array.from(el.labels).includes(hit)))) return [x, y];
      if (hit && !blocker) blocker = hit;
    }
  }
  if (!blocker) return 'it is outside the viewport';
  const what = blocker.getAttribute('data-rlvr-id') ? `[${blocker.getAttribute('data-rlvr-id')}]`
    : blocker.tagName.toLowerCase() + (blocker.id ? '#' + blocker.id : '');
  return `it is covered by ${what}`;
}"""

# Focus a text field and select its content, so the typed text replaces it; '' or why not.
_FOCUS_FIELD_JS = """(id) => {
  const el = document.querySelector(`[data-rlvr-id="${id}"]`);
  if (!el || !el.isConnected) return 'it is no longer on the page';
  const tag = el.tagName;
  const textual = (tag === 'INPUT' && !['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'file',
                    'range', 'color', 'hidden'].includes((el.type || '').toLowerCase())) || tag === 'TEXTAREA';
  if (!textual && !el.isContentEditable) return 'it is not a text field';
  if (el.disabled || el.readOnly) return 'it is disabled or read-only';
  el.scrollIntoView({block: 'nearest', inline: 'nearest'});
  el.focus();
  if (document.activeElement !== el && !el.contains(document.activeElement)) return 'it cannot take focus';
  if (textual) {
    try { el.select(); } catch (e) { /* some input types have no selection */ }
    if (el.value && (el.selectionStart !== 0 || el.selectionEnd !== el.value.length)) {
      el.value = '';   // number/email inputs expose no selection: clear directly
      el.dispatchEvent(new Event('input', {bubbles: true}));
    }
  } else {
    const range = document.createRange();
    range.selectNodeContents(el);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }
  return '';
}"""

# Choose an option of a <select> by visible text (then by value); the chosen text or '!why'.
_SELECT_JS = """([id, wanted]) => {
  const el = document.querySelector(`[data-rlvr-id="${id}"]`);
  if (!el || !el.isConnected) return '!it is no longer on the page';
  if (el.tagName !== 'SELECT') return '!it is not a drop-down list (select element); click its items instead';
  if (el.disabled) return '!it is disabled';
  const norm = (s) => s.replace(/\\s+/g, ' ').trim();
  const opts = Array.from(el.options);
  const o = opts.find((x) => norm(x.text) === norm(wanted)) || opts.find((x) => x.value === wanted) ||
            opts.find((x) => norm(x.text).toLowerCase() === norm(wanted).toLowerCase());
  if (!o) return '!no option ' + JSON.stringify(wanted) + '; options: ' + opts.map((x) => norm(x.text)).join(', ');
  if (o.disabled) return '!that option is disabled';
  el.focus();
  o.selected = true;
  el.dispatchEvent(new Event('input', {bubbles: true}));
  el.dispatchEvent(new Event('change', {bubbles: true}));
  return norm(o.text);
}"""


@dataclass(frozen=True)
class ActionResult:
    """What one call did: ``message`` for the policy; ``done`` if it was ``done()``."""

    message: str
    ok: bool = True
    done: bool = False
    #: The page walk's raw result (or its JSON) taken right after the action in the
    #: same round trip (``input_mode="dom"`` clicks), so the env need not walk again.
    tree: dict | str | None = None


def format_call(call: ToolCall) -> str:
    """``click(id=3)`` - how a call is echoed back to the policy."""
    args = ", ".join(f"{k}={json.dumps(v, ensure_ascii=False)[:60]}" for k, v in call.arguments.items())
    return f"{call.name}({args})"


def execute(page: Any, call: ToolCall, known_ids: set[int], viewport: tuple[int, int],
            input_mode: str = "real", points: dict[int, tuple[float, float]] | None = None) -> ActionResult:
    """Run one tool call on ``page``.

    Args:
        page: The Playwright page of the episode.
        call: A parsed tool call.
        known_ids: Ids the policy's current observation shows; others are unknown.
        viewport: ``(width, height)``, the bounds of ``click_xy``.
        input_mode: ``"real"``: ``click`` is a mouse press and release through
            the browser's input pipeline (trusted events). ``"dom"``: ``click``
            dispatches the same pointer/mouse event sequence from JavaScript at
            the same hit-tested point (untrusted events, default actions such
            as toggling a checkbox or following a link still run) and reads
            the page in the same round trip - what the ``miniwob`` package's
            own env does, and much faster.
        points: ``{id: (x, y)}`` from the page walk the policy's observation
            came from (nothing ran in between): where a click on each element
            lands. A real ``click`` on one of them presses there at once and
            reads the page after it (two round trips); the walk reports which
            elements the press landed in, and if the page moved the element
            away in between, the result says so. Without a point (element
            outside the viewport, covered, animated page) the click hit-tests
            first, scrolling the element into view (three round trips).

    Returns:
        An :class:`ActionResult`. Policy mistakes and Playwright action errors
        are results with ``ok=False``; a crashed or closed browser raises.
    """
    call = _coerce(call)
    problem = validate_call(call, TOOLS)
    if problem:
        return ActionResult(f"Error: {problem}", ok=False)
    args = call.arguments
    if "id" in args and args["id"] not in known_ids:
        return ActionResult(f"Error: no element with id {args['id']} on the page; use an id shown in "
                            "[brackets] in the current page tree", ok=False)
    try:
        if call.name == "click" and input_mode == "dom":
            return _click_dom(page, args)
        if call.name == "click" and points and args["id"] in points:
            return _click_at(page, int(args["id"]), points[args["id"]])
        return _ACTIONS[call.name](page, args, known_ids, viewport)
    except Exception as exc:  # noqa: BLE001 - sorted below
        if is_browser_failure(exc):
            raise
        return ActionResult(f"Error: {call.name} failed: {_first_line(exc)}", ok=False)


def _coerce(call: ToolCall) -> ToolCall:
    """Accept ids and coordinates written as numeric strings (``"id": "3"``), as models often do."""
    args = dict(call.arguments)
    for key in ("id", "x", "y"):
        value = args.get(key)
        if isinstance(value, str):
            try:
                args[key] = int(value.strip()) if key == "id" else float(value.strip())
            except ValueError:
                pass
    if isinstance(args.get("id"), float) and args["id"].is_integer():
        args["id"] = int(args["id"])
    return ToolCall(call.name, args)


def _locator(page: Any, node_id: int) -> Any:
    return page.locator(f'[data-rlvr-id="{int(node_id)}"]')


def _click_at(page: Any, node_id: int, point: tuple[float, float]) -> ActionResult:
    """A real click at the point the last walk found for ``node_id``, then the walk after it."""
    from rlvr.envs.computer_use.page_tree import WALK_CALL, walk_json_script

    page.mouse.click(point[0], point[1])
    raw = page.evaluate(WALK_CALL)
    tree = json.loads(raw if raw is not None else page.evaluate(walk_json_script()))
    down = tree.get("down")
    if down is not None and node_id not in down:   # None: the press was not seen (e.g. the click navigated)
        where = f"[{down[0]}]" if down else "an element without an id"
        return ActionResult(f"Error: clicked where [{node_id}] was, but the page had changed since it was read: "
                            f"the click landed on {where}", ok=False, tree=tree)
    return ActionResult(f"clicked [{node_id}]", tree=tree)


#: Calls the hit test that the init script installed (``null`` where it did not run).
_CLICK_TARGET_CALL = ("(id) => typeof window.__rlvrClickTarget === 'function' ? "
                      "window.__rlvrClickTarget(id) : null")


def _click(page: Any, args: dict, known: set[int], viewport: tuple[int, int]) -> ActionResult:
    target = page.evaluate(_CLICK_TARGET_CALL, int(args["id"]))
    if target is None:
        target = page.evaluate(CLICK_TARGET_JS, int(args["id"]))
    if isinstance(target, str):
        return ActionResult(f"Error: cannot click [{args['id']}]: {target}", ok=False)
    page.mouse.click(target[0], target[1])
    return ActionResult(f"clicked [{args['id']}]")


# Dispatch a mouse click's event sequence at the target's hit-tested point.
_DISPATCH_CLICK_JS = """(id) => {
  const t = (%s)(id);
  if (typeof t === 'string') return t;
  const [x, y] = t;
  const hit = document.elementFromPoint(x, y);
  const base = {bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y, view: window,
                button: 0, screenX: x, screenY: y};
  const ptr = {...base, pointerId: 1, pointerType: 'mouse', isPrimary: true};
  hit.dispatchEvent(new PointerEvent('pointerover', ptr));
  hit.dispatchEvent(new MouseEvent('mouseover', base));
  hit.dispatchEvent(new PointerEvent('pointermove', ptr));
  hit.dispatchEvent(new MouseEvent('mousemove', base));
  hit.dispatchEvent(new PointerEvent('pointerdown', {...ptr, buttons: 1}));
  if (hit.dispatchEvent(new MouseEvent('mousedown', {...base, buttons: 1}))) {
    let f = hit;
    while (f && !(f.tabIndex >= 0 || f.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(f.tagName)
                  || (f.tagName === 'A' && f.hasAttribute('href')))) f = f.parentElement;
    if (f && f.focus) f.focus(); else if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
  }
  hit.dispatchEvent(new PointerEvent('pointerup', ptr));
  hit.dispatchEvent(new MouseEvent('mouseup', base));
  hit.dispatchEvent(new MouseEvent('click', {...base, detail: 1}));
  return '';
}"""


@functools.lru_cache(maxsize=1)
def _dom_click_script() -> str:
    from rlvr.envs.computer_use.page_tree import walk_json_script

    dispatch = _DISPATCH_CLICK_JS % CLICK_TARGET_JS
    return f"(id) => {{ const problem = ({dispatch})(id);\nreturn [problem, problem ? null : {walk_json_script()}\n]; }}"


def _click_dom(page: Any, args: dict) -> ActionResult:
    problem, tree = page.evaluate(_dom_click_script(), int(args["id"]))
    if problem:
        return ActionResult(f"Error: cannot click [{args['id']}]: {problem}", ok=False)
    return ActionResult(f"clicked [{args['id']}]", tree=tree)


def _type(page: Any, args: dict, known: set[int], viewport: tuple[int, int]) -> ActionResult:
    text = args["text"]
    if len(text) > MAX_TYPE_CHARS:
        return ActionResult(f"Error: type text is {len(text)} characters; at most {MAX_TYPE_CHARS}", ok=False)
    problem = page.evaluate(_FOCUS_FIELD_JS, int(args["id"]))
    if problem:
        return ActionResult(f"Error: cannot type into [{args['id']}]: {problem}", ok=False)
    if text:
        page.keyboard.insert_text(text)
    else:
        page.keyboard.press("Delete")
    return ActionResult(f"typed {len(text)} characters into [{args['id']}]")


def _press(page: Any, args: dict, known: set[int], viewport: tuple[int, int]) -> ActionResult:
    key = args["key"]
    if not key or len(key) > 40:
        return ActionResult("Error: press needs a key name such as Enter, Tab or Control+A", ok=False)
    page.keyboard.press(key)
    return ActionResult(f"pressed {key}")


def _select(page: Any, args: dict, known: set[int], viewport: tuple[int, int]) -> ActionResult:
    result = page.evaluate(_SELECT_JS, [int(args["id"]), args["option"]])
    if result.startswith("!"):
        return ActionResult(f"Error: cannot select in [{args['id']}]: {result[1:]}", ok=False)
    return ActionResult(f"selected {result!r} in [{args['id']}]")


def _scroll(page: Any, args: dict, known: set[int], viewport: tuple[int, int]) -> ActionResult:
    target, direction = args["target"], args["direction"]
    if target == "page":
        node_id = None
    elif isinstance(target, int) and not isinstance(target, bool):
        if target not in known:
            return ActionResult(f"Error: no element with id {target} on the page", ok=False)
        node_id = target
    elif isinstance(target, str) and target.strip().isdigit() and int(target) in known:
        node_id = int(target)
    else:
        return ActionResult(f'Error: scroll target must be an element id or "page", got {target!r}', ok=False)
    moved = page.evaluate(_SCROLL_JS, [node_id, -1 if direction == "up" else 1])
    where = "the page" if node_id is None else f"[{node_id}]"
    if moved is None:
        return ActionResult(f"Error: no element with id {node_id} on the page", ok=False)
    if moved[0] == moved[1]:
        return ActionResult(f"scrolled {where} {direction}: already at the {'top' if direction == 'up' else 'end'}")
    return ActionResult(f"scrolled {where} {direction}")


def _click_xy(page: Any, args: dict, known: set[int], viewport: tuple[int, int]) -> ActionResult:
    x, y = float(args["x"]), float(args["y"])
    if not (0 <= x < viewport[0] and 0 <= y < viewport[1]):
        return ActionResult(f"Error: ({x:g}, {y:g}) is outside the {viewport[0]}x{viewport[1]} viewport", ok=False)
    page.mouse.click(x, y)
    return ActionResult(f"clicked at ({x:g}, {y:g})")


def _done(page: Any, args: dict, known: set[int], viewport: tuple[int, int]) -> ActionResult:
    return ActionResult("done", done=True)


_ACTIONS = {"click": _click, "type": _type, "press": _press, "select": _select, "scroll": _scroll,
            "click_xy": _click_xy, "done": _done}


def is_browser_failure(exc: BaseException) -> bool:
    """Whether ``exc`` means the browser or page is gone (not a failed action)."""
    from rlvr.envs.computer_use.browser import BrowserError

    if isinstance(exc, BrowserError):
        return True
    text = str(exc)
    return (type(exc).__name__ == "TargetClosedError" or "Target page, context or browser has been closed" in text
            or "Browser has been closed" in text or "Target crashed" in text or "Connection closed" in text)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    line = text[0] if text else type(exc).__name__
    for extra in text[1:4]:   # Playwright puts the useful part ("element is not visible") on later lines
        if "waiting for" not in extra and extra.strip().startswith(("-", "element", "Error")):
            line += " " + extra.strip().lstrip("- ")
    return line[:300]
