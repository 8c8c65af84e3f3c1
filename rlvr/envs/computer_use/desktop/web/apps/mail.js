/*
 * Mail: the e-mail client of the rlvr web desktop.
 *
 * State schema (setState injects it under "mail"; getState returns it):
 *
 *   {
 *     "me": {"name": "Alex Morgan", "address": "alex@example.com"},
 *     "today": "2025-03-10",                       // date stamped on sent mail
 *     "folders": ["Inbox", "Archive", "Sent", "Trash"],   // plus custom ones, in order
 *     "folder": "Inbox",                           // folder shown
 *     "messages": [
 *       {"id": "m1", "folder": "Inbox", "fromName": "Dana Kim", "from": "dana@corp.example",
 *        "to": ["alex@example.com"], "subject": "Offsite", "date": "2025-03-04 09:12",
 *        "body": "line\nline", "read": false, "flagged": false,
 *        "replyTo": null, "forwardOf": null}        // ids of the message replied to / forwarded
 *     ]
 *   }
 *
 * Sending puts a message into "Sent" (from "me", read, with replyTo/forwardOf
 * set when it came from Reply/Forward). Delete moves a message to "Trash";
 * deleting it in "Trash" removes it for good.
 *
 * Accessible names the oracles rely on: a "Mail folders" navigation with a
 * "Compose" button and one button per folder named by the folder; per listed
 * message a button named "<fromName> <from> · <subject> · <date>" (in Sent:
 * "To <to> · <subject> · <date>") followed by " · unread" when unread, and a
 * checkbox "Flag <fromName> · <subject>"; the open message shows its subject as a
 * heading, "From: ...", "To: ...", "Date: ..." and one text node per body line,
 * and the buttons "Reply", "Forward", "Flag"/"Unflag", "Mark as unread",
 * "Delete", the "Move to folder" select and the "Move" button; the composer has
 * the textboxes "To", "Subject", "Message body" and the buttons "Send", "Discard".
 */
(function () {
  "use strict";

  const BASE_FOLDERS = ["Inbox", "Archive", "Sent", "Trash"];
  const ADDRESS_RE = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

  let state = null;
  let root = null;
  let api = null;
  let openId = null;     // message shown in the reading pane
  let draft = null;      // {to, subject, body, replyTo, forwardOf, kind}
  let message = "";
  let sentCount = 0;

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

  function normalize(raw) {
    const s = raw && typeof raw === "object" ? raw : {};
    const me = s.me && typeof s.me === "object" ? s.me : {};
    const folders = BASE_FOLDERS.slice();
    (Array.isArray(s.folders) ? s.folders : []).forEach(function (f) {
      f = String(f); if (f && folders.indexOf(f) < 0) folders.push(f);
    });
    const messages = (Array.isArray(s.messages) ? s.messages : []).map(function (m, i) {
      const folder = folders.indexOf(m.folder) >= 0 ? m.folder : "Inbox";
      return {
        id: String(m.id || "m" + (i + 1)), folder: folder,
        fromName: String(m.fromName || m.from || ""), from: String(m.from || ""),
        to: (Array.isArray(m.to) ? m.to : [m.to || ""]).map(String).filter(Boolean),
        subject: String(m.subject || ""), date: String(m.date || ""), body: String(m.body || ""),
        read: !!m.read, flagged: !!m.flagged,
        replyTo: m.replyTo ? String(m.replyTo) : null, forwardOf: m.forwardOf ? String(m.forwardOf) : null,
      };
    });
    return {
      me: { name: String(me.name || "Alex Morgan"), address: String(me.address || "alex@example.com") },
      today: typeof s.today === "string" ? s.today : "2025-03-10",
      folders: folders,
      folder: folders.indexOf(s.folder) >= 0 ? s.folder : "Inbox",
      messages: messages,
    };
  }

  function find(id) { return state.messages.find(function (m) { return m.id === id; }) || null; }
  function inFolder(folder) {
    return state.messages.filter(function (m) { return m.folder === folder; }).sort(function (a, b) {
      return a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : 1;   // newest first
    });
  }
  function rowLabel(m) {
    const who = m.folder === "Sent" ? "To " + m.to.join(", ") : m.fromName + " <" + m.from + ">";
    return who + " · " + m.subject + " · " + m.date;
  }
  function changed(text) { message = text || ""; render(); if (api) api.changed("mail"); }

  // ---- actions ---------------------------------------------------------------------------
  function openFolder(f) { state.folder = f; openId = null; draft = null; message = ""; render(); }
  function openMessage(m) { openId = m.id; draft = null; if (!m.read) { m.read = true; } changed(""); }

  function quote(m) {
    return m.body.split("\n").map(function (l) { return "> " + l; }).join("\n");
  }
  function reply(m) {
    draft = { kind: "Reply", to: m.from, subject: /^re:/i.test(m.subject) ? m.subject : "Re: " + m.subject,
              body: "\n\nOn " + m.date + ", " + m.fromName + " wrote:\n" + quote(m), replyTo: m.id, forwardOf: null };
    message = ""; render();
  }
  function forward(m) {
    draft = { kind: "Forward", to: "", subject: /^fwd:/i.test(m.subject) ? m.subject : "Fwd: " + m.subject,
              body: "\n\n---------- Forwarded message ----------\nFrom: " + m.fromName + " <" + m.from + ">\nDate: "
                    + m.date + "\nSubject: " + m.subject + "\n\n" + m.body, replyTo: null, forwardOf: m.id };
    message = ""; render();
  }
  function compose() {
    draft = { kind: "New message", to: "", subject: "", body: "", replyTo: null, forwardOf: null };
    openId = null; message = ""; render();
  }
  function send() {
    const to = draft.to.split(/[,;]/).map(function (s) { return s.trim(); }).filter(Boolean);
    if (!to.length || !to.every(function (a) { return ADDRESS_RE.test(a); })) {
      message = "Enter one or more valid addresses in To (comma separated)."; render(); return;
    }
    sentCount++;
    let id = "s" + sentCount;
    while (find(id)) { sentCount++; id = "s" + sentCount; }
    state.messages.push({
      id: id, folder: "Sent", fromName: state.me.name, from: state.me.address, to: to,
      subject: draft.subject, date: state.today + " 12:00", body: draft.body, read: true, flagged: false,
      replyTo: draft.replyTo, forwardOf: draft.forwardOf,
    });
    draft = null;
    changed("Message sent to " + to.join(", ") + ".");
  }
  function remove(m) {
    if (m.folder === "Trash") state.messages = state.messages.filter(function (x) { return x !== m; });
    else m.folder = "Trash";
    openId = null;
    changed("Message deleted.");
  }
  function moveTo(m, folder) {
    if (state.folders.indexOf(folder) < 0) return changed("Choose a folder to move to.");
    m.folder = folder; openId = null;
    changed("Moved to " + folder + ".");
  }

  // ---- rendering -------------------------------------------------------------------------
  function render() {
    if (!root) return;
    root.textContent = "";
    const split = el("div", { "class": "split" });
    const side = el("nav", { "class": "side", "aria-label": "Mail folders" });
    side.appendChild(button("Compose", {}, compose));
    state.folders.forEach(function (f) {
      const unread = state.messages.filter(function (m) { return m.folder === f && !m.read; }).length;
      // The name stays the folder's; the count is for the eye (the rows say which are unread).
      const b = button("", { "aria-label": f, "aria-current": f === state.folder ? "true" : "false" },
                       function () { openFolder(f); });
      b.appendChild(el("span", { "aria-hidden": "true" }, f + (unread ? " (" + unread + ")" : "")));
      side.appendChild(b);
    });
    split.appendChild(side);

    const list = el("div", { "class": "mainpane maillist" });
    list.appendChild(el("h2", {}, state.folder));
    const msgs = inFolder(state.folder);
    if (!msgs.length) list.appendChild(el("p", { "class": "status" }, "No messages."));
    msgs.forEach(function (m) {
      const row = el("div", { "class": "mailrow" + (m.read ? "" : " unread") });
      const flag = el("input", { type: "checkbox", "aria-label": "Flag " + m.fromName + " · " + m.subject });
      flag.checked = m.flagged;
      flag.addEventListener("change", function () { m.flagged = flag.checked; changed(""); });
      row.appendChild(flag);
      row.appendChild(button(rowLabel(m) + (m.read ? "" : " · unread"), {}, function () { openMessage(m); }));
      list.appendChild(row);
    });
    split.appendChild(list);

    const pane = el("div", { "class": "mainpane reading" });
    const m = openId ? find(openId) : null;
    pane.appendChild(el("p", { "class": "status", role: "status" }, message));
    if (draft) renderDraft(pane);
    else if (m) renderMessage(pane, m);
    else pane.appendChild(el("p", { "class": "status" }, "Select a message to read it."));
    split.appendChild(pane);
    root.appendChild(split);
  }

  function renderMessage(pane, m) {
    pane.appendChild(el("h2", {}, m.subject || "(no subject)"));
    pane.appendChild(el("div", {}, "From: " + m.fromName + " <" + m.from + ">"));
    pane.appendChild(el("div", {}, "To: " + m.to.join(", ")));
    pane.appendChild(el("div", {}, "Date: " + m.date));
    const bar = el("div", { "class": "toolbar" });
    bar.appendChild(button("Reply", {}, function () { reply(m); }));
    bar.appendChild(button("Forward", {}, function () { forward(m); }));
    bar.appendChild(button(m.flagged ? "Unflag" : "Flag", {}, function () { m.flagged = !m.flagged; changed(""); }));
    bar.appendChild(button("Mark as unread", {}, function () { m.read = false; openId = null; changed(""); }));
    bar.appendChild(button("Delete", {}, function () { remove(m); }));
    const dest = el("select", { "aria-label": "Move to folder" });
    state.folders.forEach(function (f) { const o = el("option", { value: f }, f); if (f === m.folder) o.selected = true; dest.appendChild(o); });
    bar.appendChild(dest);
    bar.appendChild(button("Move", {}, function () { moveTo(m, dest.value); }));
    pane.appendChild(bar);
    const body = el("div", { "class": "mailbody" });
    m.body.split("\n").forEach(function (line) { body.appendChild(el("div", {}, line)); });
    pane.appendChild(body);
  }

  function renderDraft(pane) {
    pane.appendChild(el("h2", {}, draft.kind));
    function field(labelText, key, multiline) {
      const input = multiline ? el("textarea", { "aria-label": labelText, rows: "8", cols: "60" })
                              : el("input", { type: "text", "aria-label": labelText, placeholder: labelText });
      input.value = draft[key];
      input.addEventListener("input", function () { draft[key] = input.value; });
      const wrap = el("div", { "class": "field" });
      wrap.appendChild(input);
      pane.appendChild(wrap);
    }
    field("To", "to");
    field("Subject", "subject");
    field("Message body", "body", true);
    const bar = el("div", { "class": "toolbar" });
    bar.appendChild(button("Send", {}, send));
    bar.appendChild(button("Discard", {}, function () { draft = null; changed("Draft discarded."); }));
    pane.appendChild(bar);
  }

  const app = {
    id: "mail",
    title: "Mail",
    mount: function (container, initial, desktopApi) {
      root = container; api = desktopApi; state = normalize(initial);
      openId = null; draft = null; message = ""; sentCount = 0;
      render();
    },
    getState: function () { return JSON.parse(JSON.stringify(state)); },
    onShow: function () { render(); },
  };
  if (window.Desktop && window.Desktop.registerApp) window.Desktop.registerApp(app);
  else (window.rlvrPendingApps = window.rlvrPendingApps || []).push(app);
})();
