// Long choice lists made searchable: a filter box above a <select data-searchable> or a list
// of checkboxes (div.searchable-list) with more than MIN options hides the options that do
// not contain every word typed, ignoring Vietnamese accents ("ha noi" finds "Hà Nội", "d"
// finds "đ"). Progressive enhancement: without this script the native select and the
// checkboxes work as they are. The filter's label comes from the page (data-search-label),
// so this file holds no text to translate. Served from our own static files (CSP: 'self').
(function () {
  "use strict";
  var MIN = 15;

  function fold(text) {
    return (text || "")
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/\u0111/g, "d");
  }

  function matches(text, words) {
    var folded = fold(text);
    return words.every(function (word) {
      return folded.indexOf(word) !== -1;
    });
  }

  function filterBox(label, controls) {
    var input = document.createElement("input");
    input.type = "search";
    input.className = "choice-filter";
    input.placeholder = label;
    input.autocomplete = "off";
    input.setAttribute("aria-label", label);
    if (controls) {
      input.setAttribute("aria-controls", controls);
    }
    return input;
  }

  function wordsOf(input) {
    return fold(input.value).split(/\s+/).filter(Boolean);
  }

  function enhanceSelect(select) {
    if (select.options.length <= MIN) {
      return;
    }
    var input = filterBox(select.getAttribute("data-search-label") || "", select.id);
    select.parentNode.insertBefore(input, select);
    input.addEventListener("input", function () {
      var words = wordsOf(input);
      Array.prototype.forEach.call(select.options, function (option) {
        option.hidden = !(option.value === "" || option.selected || matches(option.text, words));
      });
      Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (group) {
        group.hidden = !Array.prototype.some.call(group.children, function (option) {
          return !option.hidden;
        });
      });
    });
    input.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") {
        return;
      }
      // Enter picks the first match instead of submitting the form.
      event.preventDefault();
      var first = Array.prototype.find.call(select.options, function (option) {
        return option.value !== "" && !option.hidden && !option.disabled;
      });
      if (first && !select.multiple) {
        select.value = first.value;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  }

  function enhanceList(list) {
    var items = Array.prototype.filter.call(list.children, function (child) {
      return child.querySelector("input[type=checkbox]");
    });
    if (items.length <= MIN) {
      return;
    }
    // Django puts the widget's attributes on each checkbox, not on the list around them.
    var labelled = list.querySelector("[data-search-label]");
    var input = filterBox(labelled ? labelled.getAttribute("data-search-label") : "", list.id);
    list.parentNode.insertBefore(input, list);
    input.addEventListener("input", function () {
      var words = wordsOf(input);
      items.forEach(function (item) {
        var box = item.querySelector("input[type=checkbox]");
        item.hidden = !(box.checked || matches(item.textContent, words));
      });
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
      }
    });
  }

  document.querySelectorAll("select[data-searchable]").forEach(enhanceSelect);
  document.querySelectorAll("div.searchable-list").forEach(enhanceList);
})();
