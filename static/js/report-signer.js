// The report form's signer follows the issuing agency: choosing another issuer fills the
// signing authority, title, name and drafting division with that agency's own (its unit
// page sets them), unless the person already typed something else in a field. The values
// come from the page (json_script "issuer-signers"), so this file holds no text to
// translate. Progressive enhancement: without it the fields keep the user's unit's values.
(function () {
  "use strict";
  var FIELDS = ["signing_authority", "signer_title", "signer_name", "drafting_division"];

  function start() {
    var data = document.getElementById("issuer-signers");
    var issuer = document.getElementById("id_issuer");
    if (!data || !issuer) {
      return;
    }
    var signers = JSON.parse(data.textContent || "{}");
    var empty = {};
    var applied = signers[issuer.value] || empty;
    issuer.addEventListener("change", function () {
      var next = signers[issuer.value] || empty;
      FIELDS.forEach(function (name) {
        var input = document.getElementById("id_" + name);
        // A value the person typed themselves is theirs: only defaults are replaced.
        if (input && (input.value === "" || input.value === (applied[name] || ""))) {
          input.value = next[name] || "";
        }
      });
      applied = next;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
