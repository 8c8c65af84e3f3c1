/*
 * Calendar app of the rlvr web desktop.
 *
 * State schema (what setState injects under "calendar" and getState returns;
 * cross-app task families may read and write it):
 *
 *   {
 *     "today":  "2025-03-10",            // the desktop's current date (fixed per task)
 *     "view":   "week",                  // "day" | "week" | "agenda"
 *     "cursor": "2025-03-10",            // the day shown / a day of the week shown
 *     "events": [                        // getState returns them sorted by date, time, title
 *       {"id": "e1", "title": "Dentist", "date": "2025-03-12", "time": "14:30",
 *        "duration": 60, "attendees": ["Sam Lee"], "location": "Main St 4"}
 *     ]
 *   }
 *
 * date is YYYY-MM-DD, time HH:MM (24 h), duration minutes (15, 30, 45, 60, 90, 120,
 * 180 or 240), attendees a list of names. Only saved events are state: what is
 * typed into the event editor counts once "Save" is pressed.
 *
 * Accessible names the oracles rely on: the "View" select (Day, Week, Agenda);
 * buttons "Previous", "Next", "Today", "New event"; one button per visible event
 * reading "<title> · <date> <time> · <duration> min · with <a, b>" (the "with" part
 * only when there are attendees); the editor dialog's fields "Title", "Date",
 * "Time", "Duration", "Attendees", "Location" and buttons "Save", "Delete", "Cancel".
 */
(function () {
  "use strict";

  const DURATIONS = [15, 30, 45, 60, 90, 120, 180, 240];
  const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
  const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

  let state = null;      // the saved state
  let root = null;       // the mounted container
  let editor = null;     // {mode: "new"|"edit", id} while the editor is open
  let nextId = 1;

  // ---- dates (UTC, so the host's time zone never shifts a day) ----
  function parseDate(s) {
    const m = DATE_RE.exec(String(s || "").trim());
    if (!m) return null;
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCMonth() === +m[2] - 1 ? d : null;
  }
  function fmtDate(d) { return d.toISOString().slice(0, 10); }
  function addDays(s, n) { const d = parseDate(s); d.setUTCDate(d.getUTCDate() + n); return fmtDate(d); }
  function weekStart(s) { const d = parseDate(s); return addDays(s, -((d.getUTCDay() + 6) % 7)); }
  function dayLabel(s) { return DAY_NAMES[parseDate(s).getUTCDay()] + " " + s; }

  function normalize(raw) {
    const s = raw && typeof raw === "object" ? raw : {};
    const today = parseDate(s.today) ? s.today : "2025-03-10";
    const events = (Array.isArray(s.events) ? s.events : []).map(function (e, i) {
      return {
        id: String(e.id || "e" + (i + 1)),
        title: String(e.title || ""),
        date: parseDate(e.date) ? e.date : today,
        time: TIME_RE.test(e.time || "") ? e.time : "09:00",
        duration: DURATIONS.indexOf(+e.duration) >= 0 ? +e.duration : 60,
        attendees: (Array.isArray(e.attendees) ? e.attendees : []).map(String),
        location: String(e.location || ""),
      };
    });
    nextId = events.length + 1;
    while (events.some(function (e) { return e.id === "e" + nextId; })) nextId++;
    return {
      today: today,
      view: ["day", "week", "agenda"].indexOf(s.view) >= 0 ? s.view : "week",
      cursor: parseDate(s.cursor) ? s.cursor : today,
      events: events,
    };
  }

  function sorted(events) {
    return events.slice().sort(function (a, b) {
      return (a.date + a.time + a.title).localeCompare(b.date + b.time + b.title);
    });
  }

  function eventName(e) {
    let name = e.title + " · " + e.date + " " + e.time + " · " + e.duration + " min";
    if (e.attendees.length) name += " · with " + e.attendees.join(", ");
    return name;
  }

  // ---- DOM helpers ----
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "on") Object.keys(attrs.on).forEach(function (ev) { node.addEventListener(ev, attrs.on[ev]); });
      else if (k === "value") node.value = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }

  // ---- rendering ----
  function button(text, act) {
    return el("button", {type: "button", text: text, on: {click: function () { act(); render(); }}});
  }

  function render() {
    if (!root) return;
    root.textContent = "";
    const app = el("section", {class: "rlvr-calendar", "aria-label": "Calendar app"});
    const viewSelect = el("select", {"aria-label": "View", on: {change: function () {
      state.view = viewSelect.value.toLowerCase(); render();
    }}}, ["Day", "Week", "Agenda"].map(function (v) { return el("option", {value: v, text: v}); }));
    viewSelect.value = state.view.charAt(0).toUpperCase() + state.view.slice(1);
    const step = state.view === "day" ? 1 : 7;
    app.appendChild(el("div", {class: "cal-toolbar", role: "toolbar", "aria-label": "Calendar toolbar"}, [
      viewSelect,
      button("Previous", function () { state.cursor = addDays(state.cursor, -step); }),
      button("Today", function () { state.cursor = state.today; }),
      button("Next", function () { state.cursor = addDays(state.cursor, step); }),
      el("button", {type: "button", class: "primary", text: "New event",
        on: {click: function () { openEditor(null); }}}),
    ]));
    app.appendChild(el("p", {class: "cal-today", text: "Today is " + dayLabel(state.today)}));

    let days;
    if (state.view === "day") {
      days = [state.cursor];
      app.appendChild(el("h3", {text: "Day: " + dayLabel(state.cursor)}));
    } else if (state.view === "week") {
      const start = weekStart(state.cursor);
      days = [0, 1, 2, 3, 4, 5, 6].map(function (i) { return addDays(start, i); });
      app.appendChild(el("h3", {text: "Week of " + days[0] + " to " + days[6]}));
    } else {
      days = null;
      app.appendChild(el("h3", {text: "Agenda: all events"}));
    }
    const list = el("div", {class: days === null ? "cal-days agenda" : "cal-days"});
    const events = sorted(state.events);
    if (days === null) {
      const ul = el("ul", {class: "cal-events", "aria-label": "All events"});
      events.forEach(function (e) { ul.appendChild(eventItem(e)); });
      if (!events.length) list.appendChild(el("p", {text: "No events."}));
      list.appendChild(ul);
    } else {
      days.forEach(function (d) {
        const dayEvents = events.filter(function (e) { return e.date === d; });
        const box = el("div", {class: "cal-day" + (d === state.today ? " today" : "")}, [
          el("h4", {text: dayLabel(d)}),
        ]);
        const ul = el("ul", {class: "cal-events", "aria-label": "Events on " + d});
        dayEvents.forEach(function (e) { ul.appendChild(eventItem(e)); });
        if (!dayEvents.length) box.appendChild(el("p", {class: "muted", text: "No events"}));
        box.appendChild(ul);
        list.appendChild(box);
      });
    }
    app.appendChild(list);
    if (editor) app.appendChild(editorDialog());
    root.appendChild(app);
  }

  function eventItem(e) {
    return el("li", {}, [el("button", {type: "button", class: "cal-event", text: eventName(e),
      on: {click: function () { openEditor(e.id); }}})]);
  }

  // Opening and cancelling the editor only adds or removes the dialog, so the
  // other elements (and the ids the policy sees on them) stay the same.
  function openEditor(id) {
    closeEditor();
    editor = id === null ? {mode: "new", id: null} : {mode: "edit", id: id};
    const app = root.querySelector(".rlvr-calendar");
    if (!app) { render(); return; }
    app.appendChild(editorDialog());
    const first = root.querySelector('[aria-label="Title"]');
    if (first) first.focus();
  }

  function closeEditor() {
    editor = null;
    const dialog = root && root.querySelector(".cal-editor");
    if (dialog) dialog.remove();
  }

  function editorDialog() {
    const ev = editor.mode === "edit" ? state.events.find(function (e) { return e.id === editor.id; }) : null;
    const init = ev || {title: "", date: state.cursor, time: "09:00", duration: 60, attendees: [], location: ""};
    const f = {
      title: el("input", {type: "text", "aria-label": "Title", value: init.title}),
      date: el("input", {type: "text", "aria-label": "Date", placeholder: "YYYY-MM-DD", value: init.date}),
      time: el("input", {type: "text", "aria-label": "Time", placeholder: "HH:MM", value: init.time}),
      duration: el("select", {"aria-label": "Duration"}, DURATIONS.map(function (d) {
        return el("option", {value: String(d), text: d + " min"});
      })),
      attendees: el("input", {type: "text", "aria-label": "Attendees", placeholder: "names, comma-separated",
        value: init.attendees.join(", ")}),
      location: el("input", {type: "text", "aria-label": "Location", value: init.location}),
    };
    f.duration.value = String(init.duration);
    const error = el("p", {class: "error", role: "alert"});
    function row(label, input) { return el("label", {class: "row"}, [el("span", {text: label}), input]); }
    function save() {
      const title = f.title.value.trim();
      const date = f.date.value.trim();
      const time = f.time.value.trim();
      if (!title) { error.textContent = "Title is required."; return; }
      if (!parseDate(date)) { error.textContent = "Date must be YYYY-MM-DD, got '" + date + "'."; return; }
      if (!TIME_RE.test(time)) { error.textContent = "Time must be HH:MM (24 h), got '" + time + "'."; return; }
      const data = {
        title: title, date: date, time: time, duration: +f.duration.value,
        attendees: f.attendees.value.split(",").map(function (a) { return a.trim(); }).filter(Boolean),
        location: f.location.value.trim(),
      };
      if (ev) Object.assign(ev, data);
      else state.events.push(Object.assign({id: "e" + nextId++}, data));
      editor = null;
      render();
    }
    const buttons = [el("button", {type: "button", class: "primary", text: "Save", on: {click: save}})];
    if (ev) buttons.push(el("button", {type: "button", class: "danger", text: "Delete", on: {click: function () {
      state.events = state.events.filter(function (e) { return e !== ev; });
      editor = null;
      render();
    }}}));
    buttons.push(el("button", {type: "button", text: "Cancel", on: {click: closeEditor}}));
    const dialog = el("div", {class: "cal-editor", role: "dialog",
      "aria-label": ev ? "Edit event" : "New event"}, [
      el("h3", {text: ev ? "Edit event" : "New event"}),
      row("Title", f.title), row("Date", f.date), row("Time", f.time), row("Duration", f.duration),
      row("Attendees", f.attendees), row("Location", f.location), error,
      el("div", {class: "buttons"}, buttons),
    ]);
    dialog.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && e.target.tagName === "INPUT") save();
      if (e.key === "Escape") closeEditor();
    });
    return dialog;
  }

  // Own styles, scoped to this app's root class (the shell's style.css stays generic).
  function addStyle() {
    if (document.getElementById("rlvr-style-calendar")) return;
    const style = document.createElement("style");
    style.id = "rlvr-style-calendar";
    style.textContent = [
      ".rlvr-calendar .cal-toolbar { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }",
      ".rlvr-calendar h3 { font-size: 15px; margin: 8px 0 6px; }",
      ".rlvr-calendar .cal-today { color: #51607a; font-size: 12px; margin: 6px 0 0; }",
      ".rlvr-calendar .cal-days {",
      "  display: grid;",
      "  grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));",
      "  gap: 6px;",
      "}",
      ".rlvr-calendar .cal-days.agenda { display: block; }",
      ".rlvr-calendar .cal-day { border: 1px solid #dde2ea; border-radius: 4px; padding: 4px 6px; min-height: 90px; }",
      ".rlvr-calendar .cal-day.today { background: #f1f6ff; border-color: #9fb6dc; }",
      ".rlvr-calendar .cal-day h4 { margin: 0 0 4px; font-size: 12px; color: #34405a; }",
      ".rlvr-calendar .cal-events { list-style: none; margin: 0; padding: 0; }",
      ".rlvr-calendar .cal-event {",
      "  display: block;",
      "  width: 100%;",
      "  text-align: left;",
      "  font-size: 12px;",
      "  margin: 2px 0;",
      "  padding: 2px 5px;",
      "  border: 0;",
      "  border-left: 3px solid #5a78a8;",
      "  background: #eef3fb;",
      "  border-radius: 2px;",
      "}",
      ".rlvr-calendar .muted { color: #8a94a6; font-size: 12px; margin: 0; }",
      ".rlvr-calendar .cal-editor {",
      "  position: absolute;",
      "  top: 56px;",
      "  left: 50%;",
      "  transform: translateX(-50%);",
      "  min-width: 360px;",
      "  background: #fff;",
      "  border: 1px solid #c8ced8;",
      "  border-radius: 6px;",
      "  box-shadow: 0 6px 24px rgba(0,0,0,.3);",
      "  padding: 10px 16px;",
      "}",
      ".rlvr-calendar .cal-editor .row { display: flex; gap: 8px; align-items: center; margin: 5px 0; }",
      ".rlvr-calendar .cal-editor .row > span { width: 80px; color: #51607a; }",
      ".rlvr-calendar .cal-editor .row > input, .rlvr-calendar .cal-editor .row > select { flex: 1; }",
      ".rlvr-calendar .error { color: #b00020; min-height: 1em; margin: 4px 0; }",
      ".rlvr-calendar .buttons { display: flex; gap: 6px; }",
    ].join("\n");
    document.head.appendChild(style);
  }

  const app = {
    id: "calendar",
    title: "Calendar",
    mount: function (container, initial) {
      root = container;
      addStyle();
      state = normalize(initial);
      editor = null;
      render();
    },
    getState: function () {
      if (!state) state = normalize(null);
      return {
        today: state.today, view: state.view, cursor: state.cursor,
        events: sorted(state.events).map(function (e) {
          return {id: e.id, title: e.title, date: e.date, time: e.time, duration: e.duration,
            attendees: e.attendees.slice(), location: e.location};
        }),
      };
    },
  };

  if (window.Desktop && window.Desktop.registerApp) window.Desktop.registerApp(app);
  else (window.rlvrPendingApps = window.rlvrPendingApps || []).push(app);
})();
