/* Plone's toolbar pins and unpins itself with links that have no address;
   give them the role and keyboard of the buttons they are, so that screen
   readers announce them and their labels are allowed. */
(function () {
  "use strict";

  function asButton(link) {
    if (link.hasAttribute("href") || link.getAttribute("role") === "button") {
      return;
    }
    link.setAttribute("role", "button");
    link.setAttribute("tabindex", "0");
    link.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        link.click();
      }
    });
  }

  function improveToolbar() {
    document
      .querySelectorAll("#edit-zone a.toolbar-collapse, #edit-zone a.toolbar-expand")
      .forEach(asButton);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", improveToolbar);
  } else {
    improveToolbar();
  }
})();
