// Rows added in place to a formset (a table of villages, outputs, lines, duties…), instead of
// saving and editing again for more empty rows. The page marks each formset:
//   <fieldset data-formset="PREFIX">          the management form (PREFIX-TOTAL_FORMS…) inside
//     <… data-formset-rows>                   the rows, one element per form
//     <template data-formset-empty>           the formset's empty_form as one row, "__prefix__"
//                                             where the row's number goes
//     <… data-formset-controls hidden>        holding <button data-formset-add> (its text from
//                                             the page: this file holds none to translate)
//     <… data-formset-hint>                   "save and edit again for more rows": hidden here
// "Add" copies the empty row with the next number, counts it in TOTAL_FORMS (never beyond
// MAX_NUM_FORMS), moves the focus to its first field and tells the page ("formset:added" on the
// row, e.g. for its date boxes). A row added here can be taken away again ([data-formset-remove]
// in it): the rows added after it are numbered down and "formset:removed" is sent from the rows
// (the estimate's total listens). Without this script the page offers its empty rows and
// "save and edit again" as before. Served from our own static files (CSP: 'self').
(function () {
  "use strict";

  // Every attribute of `root` and the elements in it with `from` replaced by `to` (name, id,
  // for, aria-describedby… all carry the row's number).
  function renumber(root, from, to) {
    var elements = [root].concat(Array.prototype.slice.call(root.querySelectorAll("*")));
    elements.forEach(function (element) {
      Array.prototype.forEach.call(element.attributes, function (attribute) {
        if (attribute.value.indexOf(from) !== -1) {
          attribute.value = attribute.value.split(from).join(to);
        }
      });
    });
  }

  // A row's own number field ([data-formset-number], e.g. a duty's order) says its position
  // + 1, as the server numbers its empty rows (whatever default the copied row had); renumbered
  // with the row unless the user changed it.
  function number(row, from, to) {
    row.querySelectorAll("input[data-formset-number]").forEach(function (input) {
      if (from === null || input.value === String(from + 1)) {
        input.value = String(to + 1);
      }
    });
  }

  function firstField(row) {
    return row.querySelector(
      "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])"
    );
  }

  function enhance(formset) {
    var prefix = formset.getAttribute("data-formset");
    var total = formset.querySelector("input[name='" + prefix + "-TOTAL_FORMS']");
    var max = formset.querySelector("input[name='" + prefix + "-MAX_NUM_FORMS']");
    var rows = formset.querySelector("[data-formset-rows]");
    var template = formset.querySelector("template[data-formset-empty]");
    var controls = formset.querySelector("[data-formset-controls]");
    var add = formset.querySelector("[data-formset-add]");
    if (!total || !rows || !template || !controls || !add) {
      return;
    }
    // The count the server rendered (a page restored from history may bring back a higher one).
    total.value = total.defaultValue;
    var limit = max ? parseInt(max.value, 10) : NaN;

    function count() {
      return parseInt(total.value, 10) || 0;
    }

    function refresh() {
      add.disabled = !isNaN(limit) && count() >= limit;
    }

    add.addEventListener("click", function () {
      var index = count();
      if (!isNaN(limit) && index >= limit) {
        return;
      }
      var copy = template.content.cloneNode(true);
      var row = copy.firstElementChild;
      if (!row) {
        return;
      }
      renumber(row, "__prefix__", String(index));
      number(row, null, index);
      row.setAttribute("data-formset-added", String(index));
      rows.appendChild(row);
      total.value = String(index + 1);
      refresh();
      row.dispatchEvent(new CustomEvent("formset:added", { bubbles: true }));
      var field = firstField(row);
      if (field) {
        field.focus();
      }
    });

    rows.addEventListener("click", function (event) {
      var button = event.target.closest("[data-formset-remove]");
      var row = button && button.closest("[data-formset-added]");
      if (!row || !rows.contains(row)) {
        return;
      }
      var index = parseInt(row.getAttribute("data-formset-added"), 10);
      rows.removeChild(row);
      // The rows added after it take the numbers one lower, so the numbers stay 0…TOTAL-1.
      rows.querySelectorAll("[data-formset-added]").forEach(function (later) {
        var position = parseInt(later.getAttribute("data-formset-added"), 10);
        if (position > index) {
          renumber(later, prefix + "-" + position + "-", prefix + "-" + (position - 1) + "-");
          number(later, position, position - 1);
          later.setAttribute("data-formset-added", String(position - 1));
        }
      });
      total.value = String(count() - 1);
      refresh();
      rows.dispatchEvent(new CustomEvent("formset:removed", { bubbles: true }));
      add.focus();
    });

    controls.hidden = false;
    formset.querySelectorAll("[data-formset-hint]").forEach(function (hint) {
      hint.hidden = true;
    });
    refresh();
  }

  document.querySelectorAll("[data-formset]").forEach(enhance);
})();
