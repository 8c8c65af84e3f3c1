/*
 * Editor: the text editor of the rlvr web desktop.
 *
 * It edits the text files of the Files app (the file system is Files' state;
 * the Editor holds only what is open). State schema (under "editor"):
 *
 *   {"open": "Documents/notes.txt" | null,   // path of the open file (null: none or a new file)
 *    "text": "...",                          // the editor's buffer (saved or not)
 *    "dirty": false}                         // unsaved changes
 *
 * setState may give {"open": "<path>"} to start with that file open.
 *
 * Accessible names the oracles rely on: the "File" select (text files by path)
 * and the "Open" and "New file" buttons; the text "Editing: <path>" (or
 * "Editing: new file"); the "Document text" textbox; for a new file the
 * "File name" textbox and the "Save in folder" select; the "Save" button; the
 * "Find" and "Replace with" textboxes and the "Replace all" button; a "Lines"
 * heading followed by one text node per line of the buffer, "<n> | <line>".
 */
(function () {
  "use strict";

  let root = null;
  let api = null;
  let doc = null;        // {id: file id | null (new), text, dirty}
  let message = "";

  function files() { return api ? api.getApp("files") : null; }
  function fileList() { const f = files(); return f ? f.textFiles() : []; }
  function pathOf(id) {
    const hit = fileList().find(function (f) { return f.id === id; });
    return hit ? hit.path : null;
  }

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const key in attrs || {}) node.setAttribute(key, attrs[key]);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function button(text, attrs, onClick) {
    const b = el("button", attrs || {}, text);
    b.addEventListener("click", onClick);
    return b;
  }

  function openFile(id) {
    const text = files() ? files().readFile(id) : null;
    if (text === null) { message = "That file cannot be opened."; render(); return false; }
    doc = { id: id, text: text, dirty: false };
    message = "Opened " + pathOf(id) + ".";
    render();
    return true;
  }

  function save() {
    if (!doc) return;
    const fs = files();
    if (doc.id === null) {
      const name = root.querySelector("input[aria-label='File name']").value.trim();
      const choice = root.querySelector("select[aria-label='Save in folder']").value;
      const result = fs.createFile(choice === "Home" ? "" : choice, name, doc.text);
      if (result.error) { message = result.error; render(); return; }
      doc.id = result.id;
    } else if (!fs.writeFile(doc.id, doc.text)) {
      message = "The file no longer exists; use New file to save the text.";
      render();
      return;
    }
    doc.dirty = false;
    message = "Saved " + pathOf(doc.id) + ".";
    render();
    api.changed("editor");
  }

  function replaceAll() {
    if (!doc) return;
    const find = root.querySelector("input[aria-label='Find']").value;
    const repl = root.querySelector("input[aria-label='Replace with']").value;
    if (!find) { message = "Type the text to find first."; render(); return; }
    const n = doc.text.split(find).length - 1;
    doc.text = doc.text.split(find).join(repl);
    if (n) doc.dirty = true;
    message = n ? "Replaced " + n + " occurrence" + (n === 1 ? "" : "s") + "." : "Not found: " + find;
    render();
  }

  function renderLines(box) {
    box.textContent = "";
    doc.text.split("\n").forEach(function (line, i) {
      box.appendChild(el("div", {}, (i + 1) + " | " + line));
    });
  }

  function render() {
    if (!root) return;
    root.textContent = "";
    const bar = el("div", { "class": "toolbar" });
    const pick = el("select", { "aria-label": "File" });
    pick.appendChild(el("option", { value: "" }, "(choose a file)"));
    fileList().forEach(function (f) {
      const o = el("option", { value: f.id }, f.path);
      if (doc && doc.id === f.id) o.selected = true;
      pick.appendChild(o);
    });
    bar.appendChild(pick);
    bar.appendChild(button("Open", {}, function () {
      if (pick.value) openFile(pick.value); else { message = "Choose a file in File first."; render(); }
    }));
    bar.appendChild(button("New file", {}, function () {
      doc = { id: null, text: "", dirty: true }; message = ""; render();
    }));
    root.appendChild(bar);

    if (!doc) {
      root.appendChild(el("p", {}, "No file open."));
      root.appendChild(el("p", { "class": "status", role: "status" }, message));
      return;
    }
    const heading = el("p", {});
    function title() {
      heading.textContent = "Editing: " + (doc.id === null ? "new file" : pathOf(doc.id))
                            + (doc.dirty ? " (unsaved changes)" : "");
    }
    title();
    root.appendChild(heading);
    const area = el("textarea", { "aria-label": "Document text", rows: "10", cols: "80" });
    area.value = doc.text;
    const lines = el("div", { "class": "lines" });
    area.addEventListener("input", function () {
      doc.text = area.value; doc.dirty = true; title(); renderLines(lines);
    });
    root.appendChild(area);
    const row = el("div", { "class": "toolbar" });
    if (doc.id === null) {
      row.appendChild(el("input", { type: "text", "aria-label": "File name", placeholder: "File name" }));
      const where = el("select", { "aria-label": "Save in folder" });
      const fs = files();
      (fs ? fs.folders() : [""]).forEach(function (f) {
        where.appendChild(el("option", { value: f || "Home" }, f || "Home"));
      });
      row.appendChild(where);
    }
    row.appendChild(button("Save", {}, save));
    row.appendChild(el("input", { type: "text", "aria-label": "Find", placeholder: "Find" }));
    row.appendChild(el("input", { type: "text", "aria-label": "Replace with", placeholder: "Replace with" }));
    row.appendChild(button("Replace all", {}, replaceAll));
    root.appendChild(row);
    root.appendChild(el("p", { "class": "status", role: "status" }, message));
    root.appendChild(el("h2", { "class": "status" }, "Lines"));
    renderLines(lines);
    root.appendChild(lines);
  }

  const app = {
    id: "editor",
    title: "Editor",
    mount: function (container, initial, desktopApi) {
      root = container; api = desktopApi; doc = null; message = "";
      const want = initial && typeof initial.open === "string" ? initial.open : null;
      const hit = want && fileList().find(function (f) { return f.path === want; });
      if (hit) openFile(hit.id); else render();
      message = "";
    },
    getState: function () {
      return { open: doc && doc.id !== null ? pathOf(doc.id) : null,
               text: doc ? doc.text : "", dirty: !!(doc && doc.dirty) };
    },
    onChanged: function (id) {
      if (id !== "files") return;
      if (doc && doc.id !== null && pathOf(doc.id) === null) { doc = null; message = "The open file was deleted."; }
      render();
    },
    openFile: openFile,
  };
  if (window.Desktop && window.Desktop.registerApp) window.Desktop.registerApp(app);
  else (window.rlvrPendingApps = window.rlvrPendingApps || []).push(app);
})();
