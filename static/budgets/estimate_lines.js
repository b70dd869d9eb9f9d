// The estimate form's live amounts: quantity × unit price per line and the total, as the
// user types, on the lines given and on those added in place (static/js/formset-rows.js: a
// new line's fields send their input here as the others do; a line taken away again sends
// "formset:removed"). Optional: the server computes and shows the same figures on every save.
(function () {
  "use strict";
  var table = document.querySelector("table[data-lines]");
  if (!table) {
    return;
  }
  // Whole đồng typed as 1.234.567, 1,234,567 or 1234567 (as budgets.money.parse_vnd reads them).
  function parse(text) {
    var cleaned = (text || "").replace(/\s*(đồng|đ|vnđ|vnd)\s*$/i, "").trim();
    if (!/^(\d+|\d{1,3}([., \u00a0])\d{3}(\2\d{3})*)$/.test(cleaned)) {
      return null;
    }
    return parseInt(cleaned.replace(/[., \u00a0]/g, ""), 10);
  }
  function format(amount) {
    return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ".") + " đ";
  }
  function field(row, suffix) {
    return row.querySelector("[name$='-" + suffix + "']");
  }
  function update() {
    var total = 0;
    table.querySelectorAll("tbody tr.line").forEach(function (row) {
      var quantity = parse(field(row, "quantity").value);
      var price = parse(field(row, "unit_price").value);
      var removed = field(row, "DELETE");
      var output = row.querySelector("output.line-amount");
      if (quantity !== null && price !== null && field(row, "description").value.trim()) {
        output.textContent = format(quantity * price);
        if (!(removed && removed.checked)) {
          total += quantity * price;
        }
      } else {
        output.textContent = "";
      }
    });
    table.querySelector("output.lines-total").textContent = format(total);
  }
  table.addEventListener("input", update);
  table.addEventListener("change", update);
  table.addEventListener("formset:removed", update);
})();
