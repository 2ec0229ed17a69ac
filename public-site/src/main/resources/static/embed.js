/*
 * The campaign action widget for partner sites. Include it once or more; it replaces every link
 * <a class="advocacy-action" data-campaign="slug" href="(this platform)/campaigns/slug"> with an iframe of the
 * platform's compact action page, and sizes each iframe from the height messages it sends. Options, as data
 * attributes on the link: data-actions="letter,call", data-language="es", data-signup="false",
 * data-button="Write now". Without JavaScript the link stays and leads to the campaign. Loads nothing else.
 */
(function () {
    'use strict';
    var script = document.currentScript;
    if (!script || !script.src) {
        return;
    }
    var platform = new URL(script.src).origin;
    var registry = window.__advocacyWidgets = window.__advocacyWidgets || {};
    var frames = registry[platform] = registry[platform] || [];

    function embed(link) {
        var slug = link.getAttribute('data-campaign');
        if (!slug || link.hasAttribute('data-advocacy-embedded') || new URL(link.href, document.baseURI).origin !== platform) {
            return;
        }
        link.setAttribute('data-advocacy-embedded', 'true');
        var widget = 'w' + (frames.length + 1);
        var src = new URL('/embed/' + encodeURIComponent(slug), platform);
        src.searchParams.set('partner', window.location.origin);
        src.searchParams.set('widget', widget);
        ['actions', 'language', 'signup', 'button'].forEach(function (name) {
            var value = link.getAttribute('data-' + name);
            if (value) {
                src.searchParams.set(name, value);
            }
        });
        var frame = document.createElement('iframe');
        frame.src = src.href;
        frame.title = (link.textContent || slug).trim();
        frame.className = 'advocacy-action-frame';
        frame.setAttribute('data-widget', widget);
        frame.style.cssText = 'display:block;width:100%;max-width:40rem;min-width:0;height:30rem;border:0;';
        frames.push(frame);
        link.parentNode.replaceChild(frame, link);
    }

    if (!registry[platform + ' listening']) {
        registry[platform + ' listening'] = true;
        // Only the platform's own pages may size its frames, and each only its own frame.
        window.addEventListener('message', function (event) {
            var data = event.data;
            if (event.origin !== platform || !data || data.type !== 'advocacy-embed-height') {
                return;
            }
            var height = Math.ceil(Number(data.height));
            if (!isFinite(height)) {
                return;
            }
            frames.forEach(function (frame) {
                if (frame.contentWindow === event.source) {
                    frame.style.height = Math.min(Math.max(height, 120), 6000) + 'px';
                }
            });
        });
    }

    Array.prototype.forEach.call(document.querySelectorAll('a.advocacy-action[data-campaign]'), embed);
})();
