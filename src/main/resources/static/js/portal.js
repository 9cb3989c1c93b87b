// The vendor portal: after a refused form, move the keyboard focus to the error summary, so screen
// reader and keyboard users hear what to fix first (its links lead to each field).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
});
