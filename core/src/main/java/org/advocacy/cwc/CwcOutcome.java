package org.advocacy.cwc;

import java.util.List;

/** What became of one POST to a CWC service. */
public sealed interface CwcOutcome {

    /** 200: the office has it. */
    record Accepted() implements CwcOutcome {
    }

    /**
     * 400 (or another 4xx): the message is wrong and sending it again will not help; the
     * server's own words.
     */
    record Rejected(int status, List<String> errors) implements CwcOutcome {
    }

    /**
     * 5xx, a refused connection or a connect timeout: nothing reached the office; try
     * again later.
     */
    record Temporary(String reason) implements CwcOutcome {
    }

    /**
     * The connection broke after the body was sent: the office may have it. Never sent
     * again automatically.
     */
    record InDoubt(String reason) implements CwcOutcome {
    }

}
