// Long lists fetched as the user types. A RemoteSelect (tracker/core/widgets.py) renders a
// text box naming the chosen object, with data-choices-url (the JSON list: ?q=…&page=…),
// data-value (the chosen id) and data-empty-label. Here the box becomes a <select> of the same
// name holding only the chosen option, and Tom Select (static/vendor/tom-select) asks the
// server for the options matching what is typed; the server has already searched accent-free
// ("ha noi" finds "Hà Nội"), so every option it sends is shown. Without this script the text
// box works as it is: the server looks the typed name up. No text to translate here: the
// labels come from the page's data- attributes.
(function () {
  "use strict";
  if (typeof TomSelect === "undefined") {
    return;
  }

  function enhance(input) {
    var select = document.createElement("select");
    ["name", "id", "required", "aria-describedby", "aria-invalid", "form"].forEach(function (attribute) {
      if (input.hasAttribute(attribute)) {
        select.setAttribute(attribute, input.getAttribute(attribute));
      }
    });
    var emptyLabel = input.getAttribute("data-empty-label") || "";
    select.add(new Option(emptyLabel, "", false, !input.getAttribute("data-value")));
    if (input.getAttribute("data-value")) {
      select.add(new Option(input.value, input.getAttribute("data-value"), true, true));
    }
    input.parentNode.replaceChild(select, input);
    // Tom Select points the <label> at its own search box; the hidden <select> it keeps for
    // the form keeps the label's words, so assistive technology still has a name for it.
    var label = select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
    if (label && !select.hasAttribute("aria-label")) {
      select.setAttribute("aria-label", label.textContent.trim());
    }
    var url = input.getAttribute("data-choices-url");
    new TomSelect(select, {
      valueField: "value",
      labelField: "text",
      searchField: [],
      allowEmptyOption: true,
      maxOptions: null,
      preload: "focus",
      loadThrottle: 250,
      placeholder: input.getAttribute("data-search-label") || "",
      // The server's matches, in the server's order: no second filter here.
      score: function () {
        return function () {
          return 1;
        };
      },
      load: function (query, callback) {
        var self = this;
        fetch(url + "?q=" + encodeURIComponent(query), {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        })
          .then(function (response) {
            return response.json();
          })
          .then(function (json) {
            self.clearOptions();
            callback(json.results);
          })
          .catch(function () {
            callback();
          });
      },
    });
  }

  document.querySelectorAll("input[data-choices-url]").forEach(enhance);
})();
