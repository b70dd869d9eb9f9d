// A calendar beside every date box (tracker.core.widgets.DateInput). The box stays a text box
// typed dd/mm/yyyy (a native date input would show mm/dd/yyyy in an English browser, and a
// phone's keyboard for it has "/"); the button opens the browser's own calendar through a
// hidden <input type="date"> and writes the chosen day back as dd/mm/yyyy. A browser without
// showPicker() gets the text box focused instead. Dates typed 5/3/2026, 05-03-2026 or
// 05.03.2026 (the server reads them all) are shown as 05/03/2026 once the box is left.
// The button's label comes from the page (data-picker-label), so this file holds no text to
// translate. Served from our own static files (CSP: 'self'); without it the box works as before.
(function () {
  "use strict";
  // Day, month, year with one separator (as tracker/config/formats DATE_INPUT_FORMATS read them).
  var TYPED = /^\s*(\d{1,2})([\/.\-])(\d{1,2})\2(\d{4})\s*$/;
  var SVG = "http://www.w3.org/2000/svg";

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  // {day, month, year} of a real date typed in the box, or null.
  function parse(text) {
    var match = TYPED.exec(text || "");
    if (!match) {
      return null;
    }
    var day = parseInt(match[1], 10);
    var month = parseInt(match[3], 10);
    var year = parseInt(match[4], 10);
    var date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      return null;
    }
    return { day: day, month: month, year: year };
  }

  function shown(date) {
    return pad(date.day) + "/" + pad(date.month) + "/" + date.year;
  }

  // The native input's value (yyyy-mm-dd) as {day, month, year}.
  function fromIso(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "");
    if (!match) {
      return null;
    }
    return { day: parseInt(match[3], 10), month: parseInt(match[2], 10), year: parseInt(match[1], 10) };
  }

  function icon() {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 20 20");
    svg.setAttribute("width", "20");
    svg.setAttribute("height", "20");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(SVG, "path");
    // A calendar page: rings, the header rule and two rows of days.
    path.setAttribute(
      "d",
      "M6 2v3M14 2v3M3 4.5h14v13H3zM3 8.5h14M6 11.5h2M9 11.5h2M12 11.5h2M6 14.5h2M9 14.5h2"
    );
    path.setAttribute("fill", "none");
    path.setAttribute("stroke", "currentColor");
    path.setAttribute("stroke-width", "1.6");
    svg.appendChild(path);
    return svg;
  }

  function changed(input) {
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function enhance(box) {
    if (box.disabled || box.readOnly || box.hasAttribute("data-picker-ready")) {
      return;
    }
    box.setAttribute("data-picker-ready", "1");
    var label = box.getAttribute("data-picker-label") || "";

    var wrap = document.createElement("span");
    wrap.className = "date-field";
    box.parentNode.insertBefore(wrap, box);
    wrap.appendChild(box);

    var button = document.createElement("button");
    button.type = "button";
    button.className = "date-picker-button";
    button.setAttribute("aria-label", label);
    button.title = label;
    if (box.id) {
      button.setAttribute("aria-controls", box.id);
    }
    button.appendChild(icon());
    wrap.appendChild(button);

    // The browser's calendar: out of the tab order and hidden from assistive technology (the
    // button stands for it), but rendered, so that showPicker() opens it under the button.
    var native = document.createElement("input");
    native.type = "date";
    native.className = "date-picker-native";
    native.tabIndex = -1;
    native.setAttribute("aria-hidden", "true");
    native.setAttribute("aria-label", label);
    wrap.appendChild(native);

    button.addEventListener("click", function () {
      var typed = parse(box.value);
      native.value = typed ? typed.year + "-" + pad(typed.month) + "-" + pad(typed.day) : "";
      if (typeof native.showPicker !== "function") {
        box.focus();
        return;
      }
      try {
        native.showPicker();
      } catch (error) {
        box.focus(); // not allowed here (e.g. in a cross-origin frame): type it instead
      }
    });
    native.addEventListener("change", function () {
      var picked = fromIso(native.value);
      if (!picked) {
        return;
      }
      box.value = shown(picked);
      changed(box);
      box.focus();
    });
    // 5.3.2026 or 05-03-2026 typed: shown as the server will read it.
    box.addEventListener("change", function () {
      var typed = parse(box.value);
      if (typed && box.value !== shown(typed)) {
        box.value = shown(typed);
      }
    });
  }

  function enhanceAll(root) {
    root.querySelectorAll("input[data-picker-label]").forEach(enhance);
  }

  enhanceAll(document);
  // Rows added in place by formset-rows.js bring their own date boxes.
  document.addEventListener("formset:added", function (event) {
    enhanceAll(event.target);
  });
})();
