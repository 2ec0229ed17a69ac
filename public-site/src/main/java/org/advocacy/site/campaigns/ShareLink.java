package org.advocacy.site.campaigns;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.web.util.UriUtils;

/**
 * A plain share link: no widget, script or image from the network is loaded; the
 * visitor's browser only leaves for the network if they follow the link.
 */
record ShareLink(String labelKey, String href) {

    static List<ShareLink> forCampaign(String title, String url) {
        String text = UriUtils.encode(title, StandardCharsets.UTF_8);
        String link = UriUtils.encode(url, StandardCharsets.UTF_8);
        String both = UriUtils.encode(title + " " + url, StandardCharsets.UTF_8);
        return List.of(new ShareLink("share.email", "mailto:?subject=" + text + "&body=" + both),
                new ShareLink("share.sms", "sms:?&body=" + both),
                new ShareLink("share.whatsapp", "https://wa.me/?text=" + both),
                new ShareLink("share.facebook", "https://www.facebook.com/sharer/sharer.php?u=" + link),
                new ShareLink("share.x", "https://x.com/intent/post?text=" + text + "&url=" + link),
                new ShareLink("share.bluesky", "https://bsky.app/intent/compose?text=" + both),
                new ShareLink("share.linkedin", "https://www.linkedin.com/sharing/share-offsite/?url=" + link));
    }
}
