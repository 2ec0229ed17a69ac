// Progressive enhancement only: every form works without it. When a form comes back with
// errors, move focus to the error summary so screen reader and keyboard users hear it first.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.getElementById('error-summary');
    if (summary) {
      summary.focus();
    }
  });
}());
