/*
 * The rlvr web desktop shell: a taskbar and one visible app window at a time.
 *
 * The taskbar has one button per app named by its title (pressed = open); the
 * open window has a heading with the title and a "Close <title>" button.
 *
 * Apps register themselves (one file per app under apps/):
 *
 *   Desktop.registerApp({
 *     id: "mail", title: "Mail",
 *     mount(container, state, api),   // build the UI from `state` (null = app default)
 *     getState(),                     // -> JSON-serialisable app state
 *     onShow(),                       // optional: called each time the window is shown
 *   });
 *
 * Python drives the desktop through window.rlvrDesktop:
 *
 *   rlvrDesktop.setState(fullState)   // {appId: appState, "_desktop": {"open": appId}}
 *                                     // remounts every app with its slice (null if absent)
 *   rlvrDesktop.getState()            // {appId: appState, ..., "_desktop": {"open": appId|null}}
 *
 * `api` (third argument of mount) lets apps cooperate: api.openApp(id),
 * api.getApp(id) (the registered app object, e.g. to call a method the other
 * app exports), api.activeApp(), api.changed(id) (tell every other app that
 * `id`'s state changed; apps may define onChanged(id) to refresh).
 */
(function () {
  "use strict";

  const apps = [];           // registration order = taskbar order
  const byId = {};
  const windows = {};        // id -> {section, body}
  let active = null;
  let started = false;

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const key in attrs || {}) node.setAttribute(key, attrs[key]);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function clone(value) {
    return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
  }

  const api = {
    openApp: function (id) { show(id); },
    getApp: function (id) { return byId[id] || null; },
    activeApp: function () { return active; },
    changed: function (id) {
      apps.forEach(function (app) {
        if (app.id !== id && typeof app.onChanged === "function") {
          try { app.onChanged(id); } catch (err) { console.error(err); }
        }
      });
    },
  };

  function buildWindow(app) {
    const section = el("section", {
      "class": "window", id: "window-" + app.id, "aria-label": app.title, hidden: "",
    });
    const bar = el("header", { "class": "titlebar" });
    bar.appendChild(el("h1", {}, app.title));
    const close = el("button", { "class": "close", "aria-label": "Close " + app.title });
    close.appendChild(el("span", { "aria-hidden": "true" }, "×"));
    close.addEventListener("click", function () { show(null); });
    bar.appendChild(close);
    const body = el("div", { "class": "window-body" });
    section.appendChild(bar);
    section.appendChild(body);
    document.getElementById("desktop").appendChild(section);

    const button = el("button", { "class": "task", "aria-pressed": "false" }, app.title);
    button.addEventListener("click", function () { show(app.id); });
    document.getElementById("taskbar").appendChild(button);
    windows[app.id] = { section: section, body: body, button: button };
  }

  function mount(app, state) {
    const win = windows[app.id];
    const body = el("div", { "class": "window-body" });
    win.section.replaceChild(body, win.body);
    win.body = body;
    try {
      app.mount(body, clone(state), api);
    } catch (err) {
      console.error("app " + app.id + " failed to mount", err);
      body.textContent = app.title + " failed to start.";
    }
  }

  function show(id) {
    if (id !== null && !byId[id]) throw new Error("no app " + JSON.stringify(id));
    active = id;
    apps.forEach(function (app) {
      const win = windows[app.id];
      const on = app.id === id;
      win.section.hidden = !on;
      win.button.setAttribute("aria-pressed", on ? "true" : "false");
    });
    document.getElementById("desktop-empty").hidden = id !== null;
    if (id !== null && typeof byId[id].onShow === "function") {
      try { byId[id].onShow(); } catch (err) { console.error(err); }
    }
  }

  window.Desktop = {
    registerApp: function (app) {
      if (!app || typeof app.id !== "string" || typeof app.mount !== "function"
          || typeof app.getState !== "function") {
        throw new Error("registerApp needs {id, title, mount(container, state, api), getState()}");
      }
      if (byId[app.id]) throw new Error("app " + app.id + " registered twice");
      app.title = app.title || app.id;
      apps.push(app);
      byId[app.id] = app;
      if (started) { buildWindow(app); mount(app, null); }
    },
    start: function () {
      if (started) return;
      started = true;
      // Apps whose file loaded before the shell queue themselves here.
      (window.rlvrPendingApps || []).splice(0).forEach(window.Desktop.registerApp);
      apps.forEach(function (app) { buildWindow(app); mount(app, null); });
      show(null);
    },
    apps: function () { return apps.map(function (a) { return a.id; }); },
  };

  window.rlvrDesktop = {
    setState: function (full) {
      full = full || {};
      apps.forEach(function (app) { mount(app, full[app.id]); });
      const open = full._desktop && full._desktop.open;
      show(open && byId[open] ? open : null);
      return true;
    },
    getState: function () {
      const out = {};
      apps.forEach(function (app) {
        try { out[app.id] = clone(app.getState()); } catch (err) { out[app.id] = null; }
      });
      out._desktop = { open: active };
      return out;
    },
    apps: function () { return apps.map(function (a) { return a.id; }); },
  };
})();
