/*
 * Runs in the widget's own pages: tells the partner page (and only it: the origin that staff allowed and
 * that asked for the widget) how tall the content is, so that its iframe fits without a scroll bar.
 */
(function () {
    'use strict';
    var root = document.documentElement;
    var partner = root.getAttribute('data-partner');
    if (window.parent === window || !partner) {
        return;
    }
    var widget = root.getAttribute('data-widget') || '';
    var last = -1;

    function send() {
        var height = Math.ceil(document.body.getBoundingClientRect().height
            + parseFloat(getComputedStyle(document.body).marginTop || '0')
            + parseFloat(getComputedStyle(document.body).marginBottom || '0'));
        if (height !== last) {
            last = height;
            window.parent.postMessage({type: 'advocacy-embed-height', widget: widget, height: height}, partner);
        }
    }

    if (window.ResizeObserver) {
        new ResizeObserver(send).observe(document.body);
    }
    window.addEventListener('load', send);
    send();
})();
