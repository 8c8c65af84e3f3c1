/* Placeholder: the Editor app is being written. It registers so the taskbar is complete. */
(function () {
  "use strict";
  let state = null;
  Desktop.registerApp({
    id: "editor", title: "Editor",
    mount: function (container, initial) {
      state = initial || {};
      container.textContent = "Editor is not available yet.";
    },
    getState: function () { return state; },
  });
})();
