// Quick exit: leave for a neutral site at once and replace this history entry,
// so that the Back button does not return here. Works by click and by the Esc key.
(function () {
  'use strict';
  function leave(url) {
    window.location.replace(url);
  }
  document.addEventListener('DOMContentLoaded', function () {
    var link = document.getElementById('quick-exit');
    if (!link) { return; }
    link.addEventListener('click', function (event) {
      event.preventDefault();
      leave(link.href);
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        leave(link.href);
      }
    });
  });
}());
