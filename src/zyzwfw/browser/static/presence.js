/* The presence signal of a window desk: while the page is open, tell the
   hall every few seconds that the window is online. */
(function () {
  "use strict";
  var script = document.querySelector("script[data-hall-heartbeat]");
  if (!script || !window.fetch) {
    return;
  }
  var url = script.getAttribute("data-hall-heartbeat");
  var token = script.getAttribute("data-token");
  var seconds = parseInt(script.getAttribute("data-interval"), 10) || 60;

  function beat() {
    var body = new URLSearchParams();
    body.append("_authenticator", token);
    window
      .fetch(url, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
      .catch(function () {
        /* A lost signal only lowers the figure; the next one will do. */
      });
  }

  beat();
  window.setInterval(beat, seconds * 1000);
})();
