/*
 * Settings app of the rlvr web desktop, two tabs: "Account" (three groups of
 * settings, Profile, Notifications and Appearance, on one page, saved together by
 * "Save changes") and "Registration" (a multi-step form: Contact -> Details ->
 * Review -> Submit).
 *
 * State schema (setState under "settings"; getState returns the saved values,
 * never the unsaved edits, plus "dirty" telling whether any are pending):
 *
 *   {"profile":       {"displayName": "Ana", "email": "ana@example.com",
 *                      "timezone": "Europe/Oslo", "language": "English"},
 *    "notifications": {"email": true, "sms": false, "push": true, "digest": "Weekly"},
 *    "appearance":    {"theme": "Light", "fontSize": "Medium", "twoFactor": false, "onlineStatus": true},
 *    "submissions":   [{"name": ..., "email": ..., "phone": ..., "ticket": "Standard",
 *                       "workshops": ["Testing"], "diet": "None", "terms": true}],
 *    "section": "Account",                                     // the open tab
 *    "dirty": false}                                            // getState only
 *
 * Select options use the same string as value and label; the allowed values are
 * the constants below.
 */
(function () {
  "use strict";

  const TIMEZONES = ["UTC", "Europe/London", "Europe/Oslo", "Europe/Berlin", "Europe/Madrid", "Europe/Athens",
    "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "Asia/Tokyo",
    "Asia/Kolkata", "Australia/Sydney"];
  const LANGUAGES = ["English", "Deutsch", "Español", "Français", "Italiano", "Norsk", "Português"];
  const DIGESTS = ["Never", "Daily", "Weekly"];
  const THEMES = ["Light", "Dark", "System"];
  const FONT_SIZES = ["Small", "Medium", "Large"];
  const TICKETS = ["Standard", "Student", "VIP"];
  const WORKSHOPS = ["Data visualisation", "Testing", "Security", "Accessibility"];
  const DIETS = ["None", "Vegetarian", "Vegan", "Gluten-free"];
  const SECTIONS = ["Account", "Registration"];

  const DEFAULTS = {
    profile: {displayName: "User", email: "user@example.com", timezone: "UTC", language: "English"},
    notifications: {email: false, sms: false, push: false, digest: "Never"},
    appearance: {theme: "Light", fontSize: "Medium", twoFactor: false, onlineStatus: false},
  };

  let saved = null;      // saved settings (state)
  let draft = null;      // what the form shows
  let submissions = [];
  let section = "Account";
  let wizard = null;     // the registration form in progress
  let status = "";
  let root = null;

  function clone(x) { return JSON.parse(JSON.stringify(x)); }
  function pick(v, allowed, dflt) { return allowed.indexOf(v) >= 0 ? v : dflt; }

  function normalize(raw) {
    const s = raw && typeof raw === "object" ? raw : {};
    const p = Object.assign({}, DEFAULTS.profile, s.profile || {});
    const n = Object.assign({}, DEFAULTS.notifications, s.notifications || {});
    const a = Object.assign({}, DEFAULTS.appearance, s.appearance || {});
    return {
      profile: {displayName: String(p.displayName), email: String(p.email),
        timezone: pick(p.timezone, TIMEZONES, "UTC"), language: pick(p.language, LANGUAGES, "English")},
      notifications: {email: !!n.email, sms: !!n.sms, push: !!n.push, digest: pick(n.digest, DIGESTS, "Never")},
      appearance: {theme: pick(a.theme, THEMES, "Light"), fontSize: pick(a.fontSize, FONT_SIZES, "Medium"),
        twoFactor: !!a.twoFactor, onlineStatus: !!a.onlineStatus},
    };
  }

  function newWizard() {
    return {step: 1, name: "", email: "", phone: "", ticket: "Standard", workshops: [], diet: "None",
      terms: false, error: "", submitted: false};
  }

  function dirty() { return JSON.stringify(saved) !== JSON.stringify(draft); }

  // ---- DOM helpers ----
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "on") Object.keys(attrs.on).forEach(function (ev) { node.addEventListener(ev, attrs.on[ev]); });
      else if (k === "value") node.value = attrs[k];
      else if (k === "checked") node.checked = !!attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  function textField(label, obj, key, type) {
    return el("label", {class: "row"}, [el("span", {text: label}), el("input", {type: type || "text",
      "aria-label": label, value: obj[key], on: {input: function (e) { obj[key] = e.target.value; onEdit(); }}})]);
  }
  function selectField(label, obj, key, options) {
    const sel = el("select", {"aria-label": label, on: {change: function (e) { obj[key] = e.target.value; onEdit(); }}},
      options.map(function (o) { return el("option", {value: o, text: o}); }));
    sel.value = obj[key];
    return el("label", {class: "row"}, [el("span", {text: label}), sel]);
  }
  function checkbox(label, obj, key, role) {
    const attrs = {type: "checkbox", "aria-label": label, checked: obj[key], on: {change: function (e) {
      obj[key] = e.target.checked;
      if (role) e.target.setAttribute("aria-checked", String(e.target.checked));
      onEdit();
    }}};
    if (role) { attrs.role = role; attrs["aria-checked"] = String(!!obj[key]); }
    return el("label", {class: "row check"}, [el("input", attrs), el("span", {text: label})]);
  }
  function radioGroup(label, name, obj, key, options) {
    return el("fieldset", {role: "radiogroup", "aria-label": label}, [el("legend", {text: label})].concat(
      options.map(function (o) {
        return el("label", {class: "check"}, [el("input", {type: "radio", name: name, value: o, "aria-label": o,
          checked: obj[key] === o, on: {change: function () { obj[key] = o; onEdit(); }}}), el("span", {text: o})]);
      })));
  }

  function onEdit() {
    status = "";
    const s = root && root.querySelector(".settings-status");
    if (s) s.textContent = statusText();
  }
  function statusText() { return status || (dirty() ? "Unsaved changes" : "All changes saved"); }

  // ---- rendering ----
  function render() {
    if (!root) return;
    root.textContent = "";
    const nav = el("nav", {"aria-label": "Settings sections"}, SECTIONS.map(function (s) {
      return el("button", {type: "button", role: "tab", "aria-selected": String(s === section),
        class: s === section ? "active" : "", text: s, on: {click: function () { section = s; render(); }}});
    }));
    const body = el("div", {class: "settings-body"});
    if (section === "Account") {
      body.appendChild(el("fieldset", {class: "group"}, [el("legend", {}, [el("h3", {text: "Profile"})]),
        textField("Display name", draft.profile, "displayName"),
        textField("Email address", draft.profile, "email", "email"),
        selectField("Time zone", draft.profile, "timezone", TIMEZONES),
        selectField("Language", draft.profile, "language", LANGUAGES)]));
      body.appendChild(el("fieldset", {class: "group"}, [el("legend", {}, [el("h3", {text: "Notifications"})]),
        checkbox("Email notifications", draft.notifications, "email"),
        checkbox("SMS notifications", draft.notifications, "sms"),
        checkbox("Push notifications", draft.notifications, "push"),
        selectField("Digest frequency", draft.notifications, "digest", DIGESTS)]));
      body.appendChild(el("fieldset", {class: "group"}, [el("legend", {}, [el("h3", {text: "Appearance"})]),
        radioGroup("Theme", "theme", draft.appearance, "theme", THEMES),
        selectField("Font size", draft.appearance, "fontSize", FONT_SIZES),
        checkbox("Two-factor authentication", draft.appearance, "twoFactor", "switch"),
        checkbox("Show online status", draft.appearance, "onlineStatus", "switch")]));
      body.appendChild(el("div", {class: "buttons"}, [
        el("button", {type: "button", class: "primary", text: "Save changes", on: {click: function () {
          saved = clone(draft); status = "Settings saved"; render();
        }}}),
        el("button", {type: "button", text: "Discard changes", on: {click: function () {
          draft = clone(saved); status = "Changes discarded"; render();
        }}}),
      ]));
      body.appendChild(el("p", {class: "settings-status", role: "status", text: statusText()}));
    } else {
      body.appendChild(el("h3", {text: "Registration"}));
      renderWizard(body);
    }
    root.appendChild(el("section", {class: "rlvr-settings", "aria-label": "Settings app"}, [nav, body]));
  }

  function renderWizard(body) {
    const w = wizard;
    if (w.submitted) {
      body.appendChild(el("p", {role: "status", text: "Registration submitted. Thank you!"}));
      body.appendChild(el("button", {type: "button", text: "Start a new registration", on: {click: function () {
        wizard = newWizard(); render();
      }}}));
      return;
    }
    const titles = ["Contact", "Details", "Review"];
    body.appendChild(el("p", {class: "wizard-step", text: "Step " + w.step + " of 3: " + titles[w.step - 1]}));
    if (w.step === 1) {
      body.appendChild(textField("Full name", w, "name"));
      body.appendChild(textField("Email", w, "email", "email"));
      body.appendChild(textField("Phone", w, "phone"));
    } else if (w.step === 2) {
      body.appendChild(radioGroup("Ticket type", "ticket", w, "ticket", TICKETS));
      const box = el("fieldset", {"aria-label": "Workshops"}, [el("legend", {text: "Workshops"})]);
      WORKSHOPS.forEach(function (name) {
        box.appendChild(el("label", {class: "check"}, [el("input", {type: "checkbox", "aria-label": name,
          checked: w.workshops.indexOf(name) >= 0, on: {change: function (e) {
            w.workshops = WORKSHOPS.filter(function (x) {
              return x === name ? e.target.checked : w.workshops.indexOf(x) >= 0;
            });
          }}}), el("span", {text: name})]));
      });
      body.appendChild(box);
      body.appendChild(selectField("Dietary requirements", w, "diet", DIETS));
    } else {
      const summary = el("dl", {class: "review", "aria-label": "Review"});
      [["Full name", w.name], ["Email", w.email], ["Phone", w.phone || "-"], ["Ticket type", w.ticket],
        ["Workshops", w.workshops.join(", ") || "none"], ["Dietary requirements", w.diet]].forEach(function (kv) {
        summary.appendChild(el("dt", {text: kv[0]}));
        summary.appendChild(el("dd", {text: kv[1]}));
      });
      body.appendChild(summary);
      body.appendChild(checkbox("I accept the terms", w, "terms"));
    }
    if (w.error) body.appendChild(el("p", {class: "error", role: "alert", text: w.error}));
    const buttons = [];
    if (w.step > 1) buttons.push(el("button", {type: "button", text: "Back", on: {click: function () {
      w.step--; w.error = ""; render();
    }}}));
    if (w.step < 3) buttons.push(el("button", {type: "button", class: "primary", text: "Next", on: {click: function () {
      if (w.step === 1 && !w.name.trim()) { w.error = "Full name is required."; render(); return; }
      if (w.step === 1 && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(w.email.trim())) {
        w.error = "Email must look like name@example.com."; render(); return;
      }
      w.step++; w.error = ""; render();
    }}}));
    else buttons.push(el("button", {type: "button", class: "primary", text: "Submit", on: {click: function () {
      if (!w.terms) { w.error = "Accept the terms to submit."; render(); return; }
      submissions.push({name: w.name.trim(), email: w.email.trim(), phone: w.phone.trim(), ticket: w.ticket,
        workshops: w.workshops.slice(), diet: w.diet, terms: true});
      w.submitted = true; w.error = ""; render();
    }}}));
    body.appendChild(el("div", {class: "buttons"}, buttons));
  }

  // Own styles, scoped to this app's root class (the shell's style.css stays generic).
  function addStyle() {
    if (document.getElementById("rlvr-style-settings")) return;
    const style = document.createElement("style");
    style.id = "rlvr-style-settings";
    style.textContent = [
      ".rlvr-settings nav { display: flex; gap: 4px; margin-bottom: 8px; }",
      ".rlvr-settings nav button {",
      "  border: 1px solid #c8ced8;",
      "  background: #f3f5f9;",
      "  padding: 4px 12px;",
      "  border-radius: 4px;",
      "}",
      ".rlvr-settings nav button.active { background: #dbe5f5; border-color: #9fb6dc; font-weight: 600; }",
      ".rlvr-settings fieldset {",
      "  border: 1px solid #dde2ea;",
      "  border-radius: 4px;",
      "  margin: 0 0 8px;",
      "  padding: 4px 10px 8px;",
      "}",
      ".rlvr-settings legend h3 { margin: 0; font-size: 14px; }",
      ".rlvr-settings .row { display: flex; gap: 8px; align-items: center; margin: 4px 0; }",
      ".rlvr-settings .row > span:first-child { width: 170px; color: #51607a; }",
      ".rlvr-settings .row.check > span { width: auto; color: inherit; }",
      ".rlvr-settings .check { display: inline-flex; gap: 4px; align-items: center; margin-right: 12px; }",
      ".rlvr-settings .buttons { display: flex; gap: 6px; margin: 6px 0; }",
      ".rlvr-settings .error { color: #b00020; }",
      ".rlvr-settings .settings-status, .rlvr-settings .wizard-step { color: #51607a; font-size: 12px; }",
      ".rlvr-settings dl.review { display: grid; grid-template-columns: 170px 1fr; gap: 2px 8px; }",
      ".rlvr-settings dl.review dd { margin: 0; }",
    ].join("\n");
    document.head.appendChild(style);
  }

  const app = {
    id: "settings",
    title: "Settings",
    mount: function (container, initial) {
      root = container;
      addStyle();
      saved = normalize(initial);
      draft = clone(saved);
      submissions = initial && Array.isArray(initial.submissions) ? clone(initial.submissions) : [];
      section = pick(initial && initial.section, SECTIONS, "Account");
      wizard = newWizard();
      status = "";
      render();
    },
    getState: function () {
      if (!saved) { saved = normalize(null); draft = clone(saved); }
      return Object.assign(clone(saved), {submissions: clone(submissions), section: section, dirty: dirty()});
    },
  };

  if (window.Desktop && window.Desktop.registerApp) window.Desktop.registerApp(app);
  else (window.rlvrPendingApps = window.rlvrPendingApps || []).push(app);
})();
