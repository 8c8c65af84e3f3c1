/* Placeholder: the Mail app is being written. It registers so the taskbar is complete. */
(function () {
  "use strict";
  let state = null;
  Desktop.registerApp({
    id: "mail", title: "Mail",
    mount: function (container, initial) {
      state = initial || {};
      container.textContent = "Mail is not available yet.";
    },
    getState: function () { return state; },
  });
})();
