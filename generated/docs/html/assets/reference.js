// Behaviour of the static API reference: the language switcher (remembered across pages in
// localStorage), the "N more" expanders of signature lines, and the copy buttons of code blocks.
(function () {
  "use strict";
  var STORAGE_KEY = "api-reference-language";
  var LANGUAGES = ["python", "ruby", "typescript"];

  function storedLanguage() {
    try {
      return window.localStorage.getItem(STORAGE_KEY);
    } catch (error) {
      return null; // storage disabled: fall back to the page's default
    }
  }

  function remember(language) {
    try {
      window.localStorage.setItem(STORAGE_KEY, language);
    } catch (error) {
      // storage disabled: the choice lasts for this page only
    }
  }

  function showLanguage(language) {
    if (LANGUAGES.indexOf(language) < 0) {
      return;
    }
    document.documentElement.setAttribute("data-lang", language);
    var buttons = document.querySelectorAll("[data-set-lang]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-set-lang") === language));
    }
  }

  function expand(button) {
    var rest = button.parentNode.querySelector(".more-rest");
    if (rest) {
      rest.hidden = false;
    }
    button.setAttribute("aria-expanded", "true");
    button.hidden = true;
  }

  function copyWithSelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    document.body.removeChild(area);
    return copied;
  }

  function copy(button) {
    var code = button.parentNode.querySelector("pre code");
    var text = code ? code.textContent : "";
    var report = function (copied) {
      button.textContent = copied ? "Copied" : "Press Ctrl+C";
      button.setAttribute("data-copy-result", copied ? "copied" : "failed"); // stays after the label resets
      window.setTimeout(function () { button.textContent = "Copy"; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { report(true); },
        function () { report(copyWithSelection(text)); }
      );
    } else {
      report(copyWithSelection(text));
    }
  }

  showLanguage(storedLanguage() || document.documentElement.getAttribute("data-lang"));

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var control = target && target.closest("[data-set-lang], button.more, button.copy");
    if (!control) {
      return;
    }
    if (control.hasAttribute("data-set-lang")) {
      var language = control.getAttribute("data-set-lang");
      showLanguage(language);
      remember(language);
    } else if (control.classList.contains("more")) {
      expand(control);
    } else {
      copy(control);
    }
  });

  // Another tab of the reference changed the language: follow it.
  window.addEventListener("storage", function (event) {
    if (event.key === STORAGE_KEY && event.newValue) {
      showLanguage(event.newValue);
    }
  });
})();
