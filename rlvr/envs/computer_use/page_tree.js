// The page walk of rlvr ComputerUse (see page_tree.py for the contract).
// Evaluated as one expression; returns {nodes: [[id, role, name, value, depth,
// checked, disabled, focused, selected], ...], scroll: [x, y, w, h], taskDone: bool,
// points: [[id, x, y], ...], down: [id, ...] | null}.
(() => {
  const MAX_TEXT = 120;
  const W = window;
  if (!W.__rlvrIds) {
    W.__rlvrIds = new WeakMap();   // element -> id; survives attribute tampering and clones
    W.__rlvrNext = 1;              // page-wide counter: ids are never reused
  }
  const IDS = W.__rlvrIds;
  const CLICKY = W.__rlvrClicky || new WeakSet();   // filled by the listener hook (init script)
  const ROLE_INTERACTIVE = new Set([
    'button', 'link', 'textbox', 'checkbox', 'radio', 'combobox', 'option', 'menuitem',
    'menuitemcheckbox', 'menuitemradio', 'tab', 'switch', 'slider', 'spinbutton', 'searchbox',
    'cell', 'gridcell', 'listitem', 'treeitem', 'row', 'listbox', 'columnheader', 'rowheader']);
  const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'META', 'LINK', 'svg', 'IFRAME']);
  const TEXT_INPUTS = new Set(['text', 'email', 'password', 'search', 'tel', 'url', 'date', 'time',
    'datetime-local', 'month', 'week', 'color', '']);
  const active = document.activeElement;
  // Where a click would land on each element right now: the centre of its first box, if it is in
  // the viewport and the hit test there finds the element (or its label). A page with running
  // animations gets none (its boxes may move before the click); clicks there hit-test first.
  const points = [];
  const animated = !!(document.getAnimations && document.getAnimations().some((a) => a.playState === 'running'));
  function pointOf(el) {
    const r = Array.from(el.getClientRects()).find((b) => b.width > 0 && b.height > 0);
    if (!r) return null;
    const x = r.left + r.width * 0.5, y = r.top + r.height * 0.5;
    if (x < 0 || y < 0 || x >= W.innerWidth || y >= W.innerHeight) return null;
    const hit = document.elementFromPoint(x, y);
    if (hit && (hit === el || el.contains(hit) || (hit.control && hit.control === el) ||
                (el.labels && Array.from(el.labels).includes(hit)))) return [x, y];
    return null;
  }
  // The ids around the target of the last trusted mouse press since the last walk (the input hook).
  const down = W.__rlvrInput ? W.__rlvrInput.take() : null;
  const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const cut = (s) => (s.length > MAX_TEXT ? s.slice(0, MAX_TEXT - 1) + '…' : s);
  const nodes = [];
  let lastTextBlock = null;   // inline text runs of one block merge into one text node
  function push(row) { nodes.push(row); lastTextBlock = null; }
  function pushText(t, depth, block) {
    const last = nodes[nodes.length - 1];
    if (lastTextBlock === block && last && last[1] === 'text' && last[0] === null) {
      if (last[2].length < MAX_TEXT) last[2] = cut(last[2] + ' ' + t);
      return;
    }
    nodes.push([null, 'text', cut(t), null, depth, null, false, false, null]);
    lastTextBlock = block;
  }

  function roleOf(el) {
    const attr = (el.getAttribute('role') || '').trim().split(/\s+/)[0];
    if (attr && attr !== 'presentation' && attr !== 'none' && attr !== 'generic') return attr;
    const tag = el.tagName;
    if (tag === 'A') return 'link';
    if (tag === 'BUTTON' || tag === 'SUMMARY') return 'button';
    if (tag === 'SELECT') return el.multiple ? 'listbox' : 'combobox';
    if (tag === 'TEXTAREA') return 'textbox';
    if (tag === 'OPTION') return 'option';
    if (tag === 'INPUT') {
      const t = (el.getAttribute('type') || '').toLowerCase();
      if (t === 'checkbox') return 'checkbox';
      if (t === 'radio') return 'radio';
      if (t === 'range') return 'slider';
      if (t === 'number') return 'spinbutton';
      if (t === 'search') return 'searchbox';
      if (t === 'button' || t === 'submit' || t === 'reset' || t === 'image') return 'button';
      return 'textbox';
    }
    if (el.isContentEditable) return 'textbox';
    if (/^H[1-6]$/.test(tag)) return 'heading';
    if (tag === 'LI') return 'listitem';
    if (tag === 'TD') return 'cell';
    if (tag === 'TH') return 'columnheader';
    return 'clickable';
  }

  function isInteractive(el, style) {
    const tag = el.tagName;
    if (tag === 'INPUT') return (el.getAttribute('type') || '').toLowerCase() !== 'hidden';
    if (tag === 'BUTTON' || tag === 'SELECT' || tag === 'TEXTAREA' || tag === 'SUMMARY') return true;
    if (tag === 'A' && el.hasAttribute('href')) return true;
    if (el.hasAttribute('data-rlvr-action') || el.hasAttribute('onclick')) return true;
    const role = el.getAttribute('role');
    if (role && ROLE_INTERACTIVE.has(role.trim().split(/\s+/)[0])) return true;
    if (el.hasAttribute('tabindex') && el.getAttribute('tabindex') !== '-1') return true;
    if (el.isContentEditable && (!el.parentElement || !el.parentElement.isContentEditable)) return true;
    if (CLICKY.has(el)) return true;
    // A pointer cursor that starts here (not inherited from a clickable parent).
    if (style.cursor === 'pointer' && el.parentElement &&
        getComputedStyle(el.parentElement).cursor !== 'pointer') return true;
    return false;
  }

  function labelText(el) {
    const aria = el.getAttribute('aria-label');
    if (aria && clean(aria)) return clean(aria);
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      const t = clean(by.split(/\s+/).map((i) => {
        const e = document.getElementById(i);
        return e ? e.textContent : '';
      }).join(' '));
      if (t) return t;
    }
    if (el.labels && el.labels.length) {
      const t = clean(Array.from(el.labels).map((l) => l.innerText || l.textContent).join(' '));
      if (t) return t;
    }
    for (const a of ['placeholder', 'alt', 'title']) {
      const v = el.getAttribute(a);
      if (v && clean(v)) return clean(v);
    }
    return '';
  }

  function idOf(el) {
    let id = IDS.get(el);
    if (id === undefined) {
      id = W.__rlvrNext++;
      IDS.set(el, id);
    }
    if (el.getAttribute('data-rlvr-id') !== String(id)) el.setAttribute('data-rlvr-id', String(id));
    return id;
  }

  function valueOf(el, role) {
    const tag = el.tagName;
    if (tag === 'SELECT') {
      const o = Array.from(el.selectedOptions || []).map((x) => clean(x.text));
      return o.join(', ');
    }
    if (tag === 'TEXTAREA') return cut(el.value);
    if (tag === 'INPUT') {
      const t = (el.getAttribute('type') || '').toLowerCase();
      if (t === 'checkbox' || t === 'radio' || t === 'button' || t === 'submit' || t === 'reset' || t === 'image') return null;
      if (t === 'password') return '•'.repeat(Math.min(el.value.length, MAX_TEXT));
      return cut(el.value);
    }
    if (el.isContentEditable) return cut(clean(el.innerText));
    const now = el.getAttribute('aria-valuenow');
    if (now !== null) return now;
    return null;
  }

  function checkedOf(el, role) {
    if (el.tagName === 'INPUT') {
      const t = (el.getAttribute('type') || '').toLowerCase();
      if (t === 'checkbox' || t === 'radio') return !!el.checked;
    }
    const a = el.getAttribute('aria-checked') || el.getAttribute('aria-pressed');
    if (a === 'true' || a === 'mixed') return true;
    if (a === 'false') return false;
    return null;
  }

  function selectedOf(el) {
    const a = el.getAttribute('aria-selected');
    if (a === 'true') return true;
    if (a === 'false') return false;
    return null;
  }

  function textFromChildren(el) {
    return cut(clean(el.innerText !== undefined ? el.innerText : el.textContent));
  }

  // quiet: text runs here are already carried by an element's name (button text, a control's label).
  function walk(el, depth, quiet, parentBlock) {
    if (SKIP_TAGS.has(el.tagName)) return;
    if (el.getAttribute('aria-hidden') === 'true') return;
    const style = getComputedStyle(el);
    if (style.display === 'none') return;
    const hiddenSelf = style.visibility !== 'visible' || style.contentVisibility === 'hidden';
    if (hiddenSelf && style.visibility === 'hidden' && !el.children.length) return;
    const rect = el.getBoundingClientRect();
    const zero = rect.width === 0 && rect.height === 0 && style.display !== 'contents';
    if (zero && (style.overflow === 'hidden' || !el.children.length)) return;
    const block = style.display.startsWith('inline') || style.display === 'contents' ? parentBlock : el;
    let childDepth = depth;
    let childQuiet = quiet;
    if (!hiddenSelf && !zero && isInteractive(el, style)) {
      const role = roleOf(el);
      let name = labelText(el);
      const fromText = !name;
      const tag = el.tagName;
      if (!name && tag !== 'SELECT' && tag !== 'TEXTAREA' && !(tag === 'INPUT' && role !== 'button') &&
          !el.isContentEditable) {
        name = textFromChildren(el);
      }
      if (!name && tag === 'INPUT' && role === 'button') name = clean(el.value);
      const disabled = !!el.disabled || el.getAttribute('aria-disabled') === 'true';
      const id = idOf(el);
      push([id, role, cut(name), valueOf(el, role), depth, checkedOf(el, role), disabled,
        el === active, selectedOf(el)]);
      if (!disabled && !animated) {
        const p = pointOf(el);
        if (p) points.push([id, p[0], p[1]]);
      }
      childDepth = depth + 1;
      if (tag === 'SELECT') {
        for (const o of el.options) {
          const t = cut(clean(o.text));
          if (t) push([null, 'option', t, null, depth + 1, null, !!o.disabled, false, !!o.selected]);
        }
        return;
      }
      if (tag === 'TEXTAREA' || el.isContentEditable) return;
      if (fromText && name) childQuiet = true;   // its text is its name: do not repeat it
    } else if (!hiddenSelf && /^H[1-6]$/.test(el.tagName)) {
      const t = textFromChildren(el);
      if (t) {
        push([null, 'heading', t, null, depth, null, false, false, null]);
        childDepth = depth + 1;
        childQuiet = true;
      }
    } else if (el.tagName === 'LABEL' && el.control) {
      childQuiet = true;
    }
    for (const child of el.childNodes) {
      if (child.nodeType === 1) {
        walk(child, childDepth, childQuiet, block);
      } else if (child.nodeType === 3 && !childQuiet && !hiddenSelf) {
        const t = clean(child.data);
        if (t) pushText(t, depth, block);
      }
    }
  }

  // A task that ended on its own is judged next; its page is not read again.
  // Its page's own report (window.__rlvrResult) comes along, saving the judge a round trip.
  if (W.__rlvrTaskDone === true) {
    return {nodes: [], scroll: [0, 0, 0, 0], taskDone: true, points: [], down,
            taskResult: W.__rlvrResult === undefined ? null : W.__rlvrResult};
  }
  if (document.body) walk(document.body, 0, false, document.body);
  const se = document.scrollingElement || document.documentElement;
  // A page whose task ends on its own (MiniWoB) sets window.__rlvrTaskDone; read in the same trip.
  return {nodes, scroll: [se.scrollLeft, se.scrollTop, se.scrollWidth, se.scrollHeight],
          taskDone: W.__rlvrTaskDone === true, points, down};
})()
