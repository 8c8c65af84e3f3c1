/*
 * Files: the file manager of the rlvr web desktop.
 *
 * State schema (setState injects it under "files"; getState returns it):
 *
 *   {
 *     "cwd": "Documents",                         // folder shown; "" is Home (the root)
 *     "folders": ["Archive", "Documents", "Documents/Old"],   // paths below Home, sorted
 *     "files": [                                  // sorted by folder, then name
 *       {"id": "f1", "name": "notes.txt", "folder": "Documents", "date": "2025-03-04",
 *        "size": 1834, "content": "..."}          // content only for text files
 *     ]
 *   }
 *
 * Text files (.txt, .md, .csv, .log) carry "content"; their size is its length.
 * The Editor app reads and writes them through this app's exported methods
 * (api.getApp("files").readFile(id) / writeFile(id, text) / createFile(folder, name, text)).
 *
 * Accessible names the oracles rely on: a "Folders" navigation with one button
 * per folder named by its path ("Home" for the root); the text "Location: <path>";
 * per file a checkbox "Select <name>" followed by the name, date and size as text,
 * and for text files a button "Edit <name>"; the "Name" textbox; buttons
 * "New folder", "Rename", "Delete", "Move"; the "Move to folder" select.
 */
(function () {
  "use strict";

  const TEXT_EXT = /\.(txt|md|csv|log)$/i;
  const NAME_RE = /^[^\/\\]{1,64}$/;

  let state = null;
  let root = null;
  let api = null;
  let selected = new Set();
  let message = "";
  let nextId = 1;

  function isText(name) { return TEXT_EXT.test(name); }
  function label(folder) { return folder === "" ? "Home" : folder; }
  function fmtSize(n) {
    if (n < 1024) return n + " B";
    if (n < 1024 * 1024) return (n / 1024).toFixed(1) + " KB";
    return (n / 1024 / 1024).toFixed(1) + " MB";
  }

  function normalize(raw) {
    const s = raw && typeof raw === "object" ? raw : {};
    const folders = new Set();
    (Array.isArray(s.folders) ? s.folders : []).forEach(function (f) {
      const parts = String(f).split("/").filter(Boolean);
      for (let i = 1; i <= parts.length; i++) folders.add(parts.slice(0, i).join("/"));
    });
    const files = (Array.isArray(s.files) ? s.files : []).map(function (f, i) {
      const out = {
        id: String(f.id || "f" + (i + 1)), name: String(f.name || "untitled"),
        folder: String(f.folder || ""), date: String(f.date || "2025-03-10"),
        size: Number.isFinite(f.size) ? Math.max(0, Math.round(f.size)) : 0,
      };
      if (out.folder) folders.add(out.folder);
      if (isText(out.name)) {
        out.content = typeof f.content === "string" ? f.content : "";
        out.size = out.content.length;
      }
      return out;
    });
    nextId = files.length + 1;
    const cwd = typeof s.cwd === "string" && (s.cwd === "" || folders.has(s.cwd)) ? s.cwd : "";
    return { cwd: cwd, folders: Array.from(folders).sort(), files: files };
  }

  function sortedFiles() {
    return state.files.slice().sort(function (a, b) {
      return a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
  }
  function inFolder(folder) { return sortedFiles().filter(function (f) { return f.folder === folder; }); }
  function clash(folder, name, exceptId) {
    return state.files.some(function (f) { return f.folder === folder && f.name === name && f.id !== exceptId; });
  }
  function newId() {
    while (state.files.some(function (f) { return f.id === "f" + nextId; })) nextId++;
    return "f" + nextId++;
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

  function changed(text) {
    message = text || "";
    render();
    if (api) api.changed("files");
  }

  // ---- actions ---------------------------------------------------------------------------
  function nameField() { return root.querySelector("input[aria-label='Name']").value.trim(); }

  function openFolder(folder) { state.cwd = folder; selected.clear(); message = ""; render(); }

  function newFolder() {
    const name = nameField();
    if (!NAME_RE.test(name)) return changed("Type a folder name (no slashes) into Name first.");
    const path = state.cwd ? state.cwd + "/" + name : name;
    if (state.folders.indexOf(path) >= 0) return changed("A folder named " + name + " already exists here.");
    state.folders.push(path);
    state.folders.sort();
    changed("Created folder " + path + ".");
  }

  function rename() {
    const ids = Array.from(selected);
    if (ids.length !== 1) return changed("Select exactly one file to rename.");
    const name = nameField();
    if (!NAME_RE.test(name)) return changed("Type the new name (no slashes) into Name first.");
    const file = state.files.find(function (f) { return f.id === ids[0]; });
    if (clash(file.folder, name, file.id)) return changed("A file named " + name + " already exists here.");
    const old = file.name;
    file.name = name;
    if (isText(name) && typeof file.content !== "string") { file.content = ""; file.size = 0; }
    selected.clear();
    changed("Renamed " + old + " to " + name + ".");
  }

  function remove() {
    if (!selected.size) return changed("Select the files to delete first.");
    const n = selected.size;
    state.files = state.files.filter(function (f) { return !selected.has(f.id); });
    selected.clear();
    changed("Deleted " + n + (n === 1 ? " file." : " files."));
  }

  function move() {
    if (!selected.size) return changed("Select the files to move first.");
    const choice = root.querySelector("select[aria-label='Move to folder']").value;
    const dest = choice === "Home" ? "" : choice;
    if (dest !== "" && state.folders.indexOf(dest) < 0) return changed("Choose a destination folder.");
    const moving = state.files.filter(function (f) { return selected.has(f.id); });
    const bad = moving.find(function (f) { return clash(dest, f.name, f.id); });
    if (bad) return changed("Cannot move: " + label(dest) + " already has a file named " + bad.name + ".");
    moving.forEach(function (f) { f.folder = dest; });
    selected.clear();
    changed("Moved " + moving.length + (moving.length === 1 ? " file" : " files") + " to " + label(dest) + ".");
  }

  // ---- rendering -------------------------------------------------------------------------
  function render() {
    if (!root) return;
    root.textContent = "";
    const split = el("div", { "class": "split" });
    const side = el("nav", { "class": "side", "aria-label": "Folders" });
    side.appendChild(el("h2", { "class": "status" }, "Folders"));
    [""].concat(state.folders).forEach(function (f) {
      const depth = f ? f.split("/").length : 0;
      const b = button(label(f), { "aria-current": f === state.cwd ? "true" : "false",
                                   style: "padding-left:" + (6 + 12 * depth) + "px" },
                       function () { openFolder(f); });
      side.appendChild(b);
    });
    split.appendChild(side);

    const main = el("div", { "class": "mainpane" });
    main.appendChild(el("p", { "class": "location" }, "Location: " + label(state.cwd)));
    const bar = el("div", { "class": "toolbar" });
    bar.appendChild(el("input", { type: "text", "aria-label": "Name", placeholder: "Name" }));
    bar.appendChild(button("New folder", {}, newFolder));
    bar.appendChild(button("Rename", {}, rename));
    bar.appendChild(button("Delete", {}, remove));
    const dest = el("select", { "aria-label": "Move to folder" });
    ["Home"].concat(state.folders).forEach(function (f) { dest.appendChild(el("option", { value: f }, f)); });
    bar.appendChild(dest);
    bar.appendChild(button("Move", {}, move));
    main.appendChild(bar);

    const subs = state.folders.filter(function (f) {
      return f.lastIndexOf("/") === (state.cwd ? state.cwd.length : -1) && f.indexOf(state.cwd ? state.cwd + "/" : "") === 0;
    });
    const list = inFolder(state.cwd);
    const table = el("table", { "aria-label": "Files in " + label(state.cwd) });
    const head = el("tr");
    ["", "Name", "Modified", "Size", ""].forEach(function (h) { head.appendChild(el("th", {}, h)); });
    table.appendChild(head);
    subs.forEach(function (f) {
      const tr = el("tr");
      tr.appendChild(el("td"));
      const td = el("td");
      const open = button("", { "aria-label": "Open folder " + f }, function () { openFolder(f); });
      open.appendChild(el("span", { "aria-hidden": "true" }, f.split("/").pop() + "/"));
      td.appendChild(open);
      tr.appendChild(td);
      tr.appendChild(el("td", {}, "folder"));
      tr.appendChild(el("td"));
      tr.appendChild(el("td"));
      table.appendChild(tr);
    });
    list.forEach(function (f) {
      const tr = el("tr");
      const box = el("input", { type: "checkbox", "aria-label": "Select " + f.name });
      box.checked = selected.has(f.id);
      box.addEventListener("change", function () {
        if (box.checked) selected.add(f.id); else selected.delete(f.id);
        message = selected.size + " selected";
        status.textContent = message;
      });
      const c0 = el("td"); c0.appendChild(box); tr.appendChild(c0);
      tr.appendChild(el("td", {}, f.name));
      tr.appendChild(el("td", {}, f.date));
      tr.appendChild(el("td", {}, fmtSize(f.size)));
      const c4 = el("td");
      if (isText(f.name)) {
        const edit = button("", { "aria-label": "Edit " + f.name }, function () {
          const editor = api && api.getApp("editor");
          if (editor && typeof editor.openFile === "function") { editor.openFile(f.id); api.openApp("editor"); }
        });
        edit.appendChild(el("span", { "aria-hidden": "true" }, "Edit"));
        c4.appendChild(edit);
      }
      tr.appendChild(c4);
      table.appendChild(tr);
    });
    main.appendChild(table);
    if (!list.length && !subs.length) main.appendChild(el("p", { "class": "status" }, "This folder is empty."));
    const status = el("p", { "class": "status", role: "status" }, message);
    main.appendChild(status);
    split.appendChild(main);
    root.appendChild(split);
  }

  // ---- registration and the methods other apps call ----------------------------------------
  const app = {
    id: "files",
    title: "Files",
    mount: function (container, initial, desktopApi) {
      root = container; api = desktopApi; state = normalize(initial);
      selected = new Set(); message = "";
      render();
    },
    getState: function () {
      return { cwd: state.cwd, folders: state.folders.slice(), files: sortedFiles().map(function (f) {
        return Object.assign({}, f);
      }) };
    },
    onShow: function () { render(); },
    onChanged: function () { render(); },
    // For the Editor.
    textFiles: function () {
      return sortedFiles().filter(function (f) { return isText(f.name); }).map(function (f) {
        return { id: f.id, name: f.name, folder: f.folder, path: (f.folder ? f.folder + "/" : "") + f.name };
      });
    },
    folders: function () { return [""].concat(state.folders); },
    readFile: function (id) {
      const f = state.files.find(function (x) { return x.id === id; });
      return f && typeof f.content === "string" ? f.content : null;
    },
    writeFile: function (id, text) {
      const f = state.files.find(function (x) { return x.id === id; });
      if (!f || !isText(f.name)) return false;
      f.content = String(text); f.size = f.content.length;
      render();
      return true;
    },
    createFile: function (folder, name, text) {
      if (!NAME_RE.test(name)) return { error: "A file name needs 1-64 characters and no slashes." };
      if (!isText(name)) return { error: "The editor saves text files only (.txt, .md, .csv, .log)." };
      if (folder !== "" && state.folders.indexOf(folder) < 0) return { error: "No folder " + folder + "." };
      if (clash(folder, name, null)) return { error: label(folder) + " already has a file named " + name + "." };
      const f = { id: newId(), name: name, folder: folder, date: "2025-03-10", size: 0, content: String(text) };
      f.size = f.content.length;
      state.files.push(f);
      render();
      return { id: f.id };
    },
  };
  if (window.Desktop && window.Desktop.registerApp) window.Desktop.registerApp(app);
  else (window.rlvrPendingApps = window.rlvrPendingApps || []).push(app);
})();
