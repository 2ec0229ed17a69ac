package org.advocacy.site.embed;

import org.springframework.http.HttpStatus;

/**
 * Why an embedded form post was refused; each says so plainly, and none records anything.
 */
enum EmbedRefusal {

    /**
     * The form's token or sealed state was made up, changed, or taken from another form.
     */
    FORGED(HttpStatus.BAD_REQUEST, "embed.refused.forged"),
    /** The form was opened too long ago. */
    EXPIRED(HttpStatus.BAD_REQUEST, "embed.refused.expired"),
    /**
     * The widget's sealed state does not open: too old, or changed (the two look the same
     * from outside).
     */
    STATE(HttpStatus.BAD_REQUEST, "embed.refused.state"),
    /** The same form was sent before: it was recorded then, and is not recorded twice. */
    REPLAYED(HttpStatus.CONFLICT, "embed.refused.replayed");

    final HttpStatus status;

    final String messageKey;

    EmbedRefusal(HttpStatus status, String messageKey) {
        this.status = status;
        this.messageKey = messageKey;
    }

    static EmbedRefusal of(EmbedFormTokens.Check check) {
        return check == EmbedFormTokens.Check.EXPIRED ? EXPIRED : FORGED;
    }

}
