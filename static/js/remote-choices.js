// Long lists fetched as the user types. A RemoteSelect (tracker/core/widgets.py) renders a
// text box naming the chosen object, with data-choices-url (the JSON list: ?q=…&page=…),
// data-value (the chosen id) and data-empty-label. Here the box becomes a <select> of the same
// name holding only the chosen option, and Tom Select (static/vendor/tom-select) asks the
// server for the options matching what is typed; the server has already searched accent-free
// ("ha noi" finds "Hà Nội"), so every option it sends is shown. Without this script the text
// box works as it is: the server looks the typed name up.
//
// A RemoteSelectMultiple (tracker/choices/fields.py) renders a <div data-multiple> holding the
// chosen items as ticked checkboxes and a text box to type more names; here it becomes a
// <select multiple> of the chosen items, shown as tags with a remove button, in the order they
// were chosen (Tom Select posts them in that order).
//
// Rows added to a page later (a formset's new row) are enhanced when they appear. No text to
// translate here: the labels come from the page's data- attributes.
(function () {
  "use strict";
  if (typeof TomSelect === "undefined") {
    return;
  }

  var COPIED = ["name", "id", "required", "aria-describedby", "aria-invalid", "form"];

  function copyAttributes(from, to) {
    COPIED.forEach(function (attribute) {
      if (from.hasAttribute(attribute)) {
        to.setAttribute(attribute, from.getAttribute(attribute));
      }
    });
  }

  function withQuery(url, query) {
    return url + (url.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(query);
  }

  function settings(element, extra) {
    var url = element.getAttribute("data-choices-url");
    var base = {
      valueField: "value",
      labelField: "text",
      searchField: [],
      maxOptions: null,
      preload: "focus",
      loadThrottle: 250,
      placeholder: element.getAttribute("data-search-label") || "",
      // The server's matches, in the server's order: no second filter here.
      score: function () {
        return function () {
          return 1;
        };
      },
      load: function (query, callback) {
        var self = this;
        fetch(withQuery(url, query), {
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
    };
    Object.keys(extra).forEach(function (key) {
      base[key] = extra[key];
    });
    return base;
  }

  // Tom Select points the <label> at its own search box; the hidden <select> it keeps for
  // the form keeps the label's words, so assistive technology still has a name for it.
  function nameFromLabel(select) {
    var label = select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
    if (label && !select.hasAttribute("aria-label")) {
      select.setAttribute("aria-label", label.textContent.trim());
    }
  }

  function enhanceSingle(input) {
    var select = document.createElement("select");
    copyAttributes(input, select);
    var emptyLabel = input.getAttribute("data-empty-label") || "";
    select.add(new Option(emptyLabel, "", false, !input.getAttribute("data-value")));
    if (input.getAttribute("data-value")) {
      select.add(new Option(input.value, input.getAttribute("data-value"), true, true));
    }
    input.parentNode.replaceChild(select, input);
    nameFromLabel(select);
    new TomSelect(select, settings(input, { allowEmptyOption: true }));
  }

  function enhanceMultiple(box) {
    var typed = box.querySelector('input[type="text"]');
    var select = document.createElement("select");
    select.multiple = true;
    copyAttributes(typed, select);
    box.querySelectorAll('input[type="checkbox"]:checked').forEach(function (checkbox) {
      select.add(new Option(checkbox.parentNode.textContent.trim(), checkbox.value, true, true));
    });
    box.parentNode.replaceChild(select, box);
    nameFromLabel(select);
    new TomSelect(
      select,
      settings(box, {
        maxItems: null,
        closeAfterSelect: true,
        hideSelected: true,
        plugins: {
          remove_button: { title: box.getAttribute("data-remove-label") || "×" },
        },
      })
    );
  }

  function enhanceWithin(root) {
    root.querySelectorAll("input[data-choices-url]").forEach(enhanceSingle);
    root.querySelectorAll("div[data-choices-url][data-multiple]").forEach(enhanceMultiple);
  }

  enhanceWithin(document);
  // A row a formset adds from its empty form: enhance its remote fields too. Rows whose
  // template is still in a <template> are not in the document and are not touched.
  new MutationObserver(function (mutations) {
    mutations.forEach(function (mutation) {
      mutation.addedNodes.forEach(function (node) {
        if (node.nodeType !== 1 || node.closest(".ts-wrapper")) {
          return;
        }
        if (node.matches("input[data-choices-url]")) {
          enhanceSingle(node);
        } else if (node.matches("div[data-choices-url][data-multiple]")) {
          enhanceMultiple(node);
        } else {
          enhanceWithin(node);
        }
      });
    });
  }).observe(document.body, { childList: true, subtree: true });
})();
