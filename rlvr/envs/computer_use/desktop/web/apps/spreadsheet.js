/*
 * Spreadsheet app of the rlvr web desktop: a grid A1:F12 of cells holding
 * numbers, text or formulas.
 *
 * State schema (setState under "spreadsheet"; getState returns it plus the
 * computed values):
 *
 *   {"cells":  {"A1": "Item", "B2": "12", "D2": "=B2*C2"},      // raw content, empty cells omitted
 *    "values": {"A1": "Item", "B2": 12,   "D2": 36}}            // getState only: what each cell shows
 *
 * A formula starts with "=" and may use numbers, cell references (B2), ranges
 * (B2:B9) inside SUM, AVERAGE, MIN, MAX and COUNT, + - * / and parentheses.
 * Empty cells count as 0; text in arithmetic gives "#VALUE!", a reference loop
 * "#CYCLE!", anything unparsable "#ERROR!".
 *
 * Every cell is an <input> whose accessible name is its address ("C4"); it
 * shows the computed value, and its raw content while it has focus. An edit is
 * committed as it is typed (each input event). The footer row "Total" shows the
 * sum of the numbers in each column ("B: 42").
 */
(function () {
  "use strict";

  const COLS = ["A", "B", "C", "D", "E", "F"];
  const ROWS = 12;
  const ADDR_RE = /^([A-F])([1-9]|1[0-2])$/;

  let cells = {};        // address -> raw string
  let values = {};       // address -> number | string
  let root = null;
  let inputs = {};       // address -> <input>
  let totals = {};       // column -> <td>

  function allAddresses() {
    const out = [];
    for (let r = 1; r <= ROWS; r++) COLS.forEach(function (c) { out.push(c + r); });
    return out;
  }

  function fmt(v) {
    if (typeof v !== "number") return v === undefined || v === null ? "" : String(v);
    if (!isFinite(v)) return "#DIV/0!";
    return Number.isInteger(v) ? String(v) : String(+v.toFixed(6));
  }

  // ---- formula evaluation: a small recursive-descent parser, never eval ----
  function FormulaError(code) { this.code = code; }

  function tokenize(src) {
    const tokens = [];
    const re = /\s*(?:(\d+(?:\.\d+)?|\.\d+)|([A-Za-z]+\d*)|(:|,|\+|-|\*|\/|\(|\)))/y;
    let pos = 0;
    src = src.replace(/\s+$/, "");
    while (pos < src.length) {
      re.lastIndex = pos;
      const m = re.exec(src);
      if (!m) throw new FormulaError("#ERROR!");
      if (m[1] !== undefined) tokens.push({t: "num", v: parseFloat(m[1])});
      else if (m[2] !== undefined) tokens.push({t: "id", v: m[2].toUpperCase()});
      else tokens.push({t: m[3]});
      pos = re.lastIndex;
    }
    return tokens;
  }

  function evaluate(address, stack) {
    if (Object.prototype.hasOwnProperty.call(values, address)) return values[address];
    if (stack.indexOf(address) >= 0) throw new FormulaError("#CYCLE!");
    const raw = (cells[address] || "").trim();
    let result;
    if (raw === "") result = "";
    else if (raw.charAt(0) !== "=") result = /^-?(\d+(\.\d+)?|\.\d+)$/.test(raw) ? parseFloat(raw) : raw;
    else {
      try {
        result = evalFormula(raw.slice(1), stack.concat([address]));
        if (typeof result === "number" && !isFinite(result)) result = "#DIV/0!";
      } catch (e) {
        if (!(e instanceof FormulaError)) throw e;
        if (e.code === "#CYCLE!" && stack.length) throw e;
        result = e.code;
      }
    }
    values[address] = result;
    return result;
  }

  function evalFormula(src, stack) {
    const tokens = tokenize(src);
    let i = 0;
    function peek() { return tokens[i] ? tokens[i].t : null; }
    function expect(t) { if (peek() !== t) throw new FormulaError("#ERROR!"); i++; }
    function num(v) {
      if (v === "") return 0;
      if (typeof v === "number") return v;
      if (typeof v === "string" && v.charAt(0) === "#") throw new FormulaError(v);
      throw new FormulaError("#VALUE!");
    }
    function ref(name) {
      if (!ADDR_RE.test(name)) throw new FormulaError("#REF!");
      return evaluate(name, stack);
    }
    function range(a, b) {
      const ma = ADDR_RE.exec(a), mb = ADDR_RE.exec(b);
      if (!ma || !mb) throw new FormulaError("#REF!");
      const c0 = Math.min(COLS.indexOf(ma[1]), COLS.indexOf(mb[1]));
      const c1 = Math.max(COLS.indexOf(ma[1]), COLS.indexOf(mb[1]));
      const r0 = Math.min(+ma[2], +mb[2]), r1 = Math.max(+ma[2], +mb[2]);
      const out = [];
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push(evaluate(COLS[c] + r, stack));
      return out;
    }
    function args() {
      // A function's arguments: ranges contribute their numbers (text and blanks are skipped).
      const vals = [];
      expect("(");
      if (peek() !== ")") {
        for (;;) {
          if (peek() === "id" && tokens[i + 1] && tokens[i + 1].t === ":") {
            const a = tokens[i].v; i += 2;
            if (peek() !== "id") throw new FormulaError("#ERROR!");
            const b = tokens[i].v; i++;
            range(a, b).forEach(function (v) {
              if (typeof v === "string" && v.charAt(0) === "#") throw new FormulaError(v);
              if (typeof v === "number") vals.push(v);
            });
          } else vals.push(num(expr()));
          if (peek() === ",") { i++; continue; }
          break;
        }
      }
      expect(")");
      return vals;
    }
    function primary() {
      const tok = tokens[i];
      if (!tok) throw new FormulaError("#ERROR!");
      if (tok.t === "num") { i++; return tok.v; }
      if (tok.t === "(") { i++; const v = expr(); expect(")"); return v; }
      if (tok.t === "-") { i++; return -num(primary()); }
      if (tok.t === "+") { i++; return num(primary()); }
      if (tok.t === "id") {
        i++;
        if (peek() === "(") {
          const vals = args();
          const sum = vals.reduce(function (s, v) { return s + v; }, 0);
          switch (tok.v) {
            case "SUM": return sum;
            case "COUNT": return vals.length;
            case "AVERAGE": if (!vals.length) throw new FormulaError("#DIV/0!"); return sum / vals.length;
            case "MIN": return vals.length ? Math.min.apply(null, vals) : 0;
            case "MAX": return vals.length ? Math.max.apply(null, vals) : 0;
            default: throw new FormulaError("#NAME?");
          }
        }
        return ref(tok.v);
      }
      throw new FormulaError("#ERROR!");
    }
    function term() {
      let v = primary();
      while (peek() === "*" || peek() === "/") {
        const op = tokens[i++].t;
        const a = num(v), b = num(primary());
        if (op === "/" && b === 0) throw new FormulaError("#DIV/0!");
        v = op === "*" ? a * b : a / b;
      }
      return v;
    }
    function expr() {
      let v = term();
      while (peek() === "+" || peek() === "-") {
        const op = tokens[i++].t;
        const a = num(v), b = num(term());
        v = op === "+" ? a + b : a - b;
      }
      return v;
    }
    const v = expr();
    if (i !== tokens.length) throw new FormulaError("#ERROR!");
    return v === "" ? 0 : v;   // =F12 on an empty cell shows 0
  }

  function recompute() {
    values = {};
    allAddresses().forEach(function (a) { evaluate(a, []); });
  }

  // ---- DOM ----
  function refresh() {
    recompute();
    Object.keys(inputs).forEach(function (a) {
      const input = inputs[a];
      if (document.activeElement !== input) input.value = fmt(values[a]);
      const v = values[a];
      input.classList.toggle("num", typeof v === "number");
      input.classList.toggle("err", typeof v === "string" && v.charAt(0) === "#");
    });
    COLS.forEach(function (c) {
      let sum = 0;
      for (let r = 1; r <= ROWS; r++) if (typeof values[c + r] === "number") sum += values[c + r];
      totals[c].textContent = c + ": " + fmt(sum);
    });
  }

  function render() {
    root.textContent = "";
    inputs = {};
    totals = {};
    const app = document.createElement("section");
    app.className = "rlvr-spreadsheet";
    app.setAttribute("aria-label", "Spreadsheet app");
    const table = document.createElement("table");
    table.setAttribute("aria-label", "Sheet1");
    const head = table.createTHead().insertRow();
    head.appendChild(document.createElement("th"));
    COLS.forEach(function (c) { const th = document.createElement("th"); th.textContent = c; head.appendChild(th); });
    const body = table.createTBody();
    for (let r = 1; r <= ROWS; r++) {
      const tr = body.insertRow();
      const th = document.createElement("th");
      th.textContent = String(r);
      tr.appendChild(th);
      COLS.forEach(function (c) {
        const a = c + r;
        const input = document.createElement("input");
        input.type = "text";
        input.setAttribute("aria-label", a);
        input.addEventListener("focus", function () { input.value = cells[a] || ""; });
        input.addEventListener("input", function () {
          if (input.value === "") delete cells[a]; else cells[a] = input.value;
          refresh();
        });
        input.addEventListener("blur", function () { input.value = fmt(values[a]); });
        input.addEventListener("keydown", function (e) {
          if (e.key !== "Enter" && e.key !== "Tab") return;
          e.preventDefault();
          const m = ADDR_RE.exec(a);
          const next = e.key === "Enter" ? (+m[2] < ROWS ? m[1] + (+m[2] + 1) : null)
            : (COLS.indexOf(m[1]) < COLS.length - 1 ? COLS[COLS.indexOf(m[1]) + 1] + m[2] : null);
          if (next) inputs[next].focus(); else input.blur();
        });
        const td = tr.insertCell();
        td.appendChild(input);
        inputs[a] = input;
      });
    }
    const foot = table.createTFoot().insertRow();
    const label = document.createElement("th");
    label.textContent = "Total";
    foot.appendChild(label);
    COLS.forEach(function (c) {
      const td = foot.insertCell();
      td.setAttribute("aria-label", "Total of column " + c);
      totals[c] = td;
    });
    app.appendChild(table);
    root.appendChild(app);
    refresh();
  }

  // Own styles, scoped to this app's root class (the shell's style.css stays generic).
  function addStyle() {
    if (document.getElementById("rlvr-style-spreadsheet")) return;
    const style = document.createElement("style");
    style.id = "rlvr-style-spreadsheet";
    style.textContent = [
      ".rlvr-spreadsheet table { border-collapse: collapse; }",
      ".rlvr-spreadsheet th {",
      "  background: #f3f5f9;",
      "  color: #51607a;",
      "  text-align: center;",
      "  padding: 2px 6px;",
      "  border: 1px solid #dde2ea;",
      "  font-weight: 500;",
      "}",
      ".rlvr-spreadsheet td { padding: 0; border: 1px solid #dde2ea; }",
      ".rlvr-spreadsheet input { width: 96px; border: 0; padding: 3px 5px; }",
      ".rlvr-spreadsheet input:focus { outline: 2px solid #5a78a8; }",
      ".rlvr-spreadsheet input.num { text-align: right; }",
      ".rlvr-spreadsheet input.err { color: #b00020; }",
      ".rlvr-spreadsheet tfoot td { padding: 2px 5px; color: #34405a; font-size: 12px; background: #f8f9fb; }",
    ].join("\n");
    document.head.appendChild(style);
  }

  const app = {
    id: "spreadsheet",
    title: "Spreadsheet",
    mount: function (container, initial) {
      root = container;
      addStyle();
      cells = {};
      const given = initial && typeof initial === "object" && initial.cells ? initial.cells : {};
      Object.keys(given).forEach(function (a) {
        const key = a.toUpperCase();
        if (ADDR_RE.test(key) && given[a] !== "" && given[a] !== null) cells[key] = String(given[a]);
      });
      render();
    },
    getState: function () {
      recompute();
      const out = {};
      Object.keys(values).forEach(function (a) { if (values[a] !== "") out[a] = values[a]; });
      return {cells: Object.assign({}, cells), values: out};
    },
  };

  if (window.Desktop && window.Desktop.registerApp) window.Desktop.registerApp(app);
  else (window.rlvrPendingApps = window.rlvrPendingApps || []).push(app);
})();
