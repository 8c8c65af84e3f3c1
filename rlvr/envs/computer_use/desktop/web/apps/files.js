/* Placeholder: the Files app is being written. It registers so the taskbar is complete. */
(function () {
  "use strict";
  let state = null;
  Desktop.registerApp({
    id: "files", title: "Files",
    mount: function (container, initial) {
      state = initial || {};
      container.textContent = "Files is not available yet.";
    },
    getState: function () { return state; },
  });
})();
