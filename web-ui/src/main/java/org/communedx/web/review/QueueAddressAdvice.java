package org.communedx.web.review;

import java.io.Serializable;
import java.security.Principal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.SessionAttribute;

/**
 * The review queue as the reviewer last filtered it in this session, for the entry page's way back to it: a reviewer
 * who opened an entry from the queue of one commune, and approved or returned it, goes on from that queue, not from
 * the whole of it.
 */
@ControllerAdvice(basePackages = "org.communedx.web.entry")
class QueueAddressAdvice {

    /** The queue's address with its filter, kept in the session by {@link ReviewController#list}. */
    static final String ATTRIBUTE = "reviewQueueAddress";

    /**
     * The address, and whose queue it is: a session outlives a sign-in on a shared computer (its id changes, its
     * attributes stay), and the next user must not be led to the last one's queue. Serializable: shared sessions
     * (communedx.sessions=jdbc) are stored serialized.
     */
    record Kept(String username, String address) implements Serializable {
    }

    @ModelAttribute(ATTRIBUTE)
    String reviewQueueAddress(@SessionAttribute(name = ATTRIBUTE, required = false) Kept kept, Principal user) {
        return kept != null && user != null && kept.username().equals(user.getName()) ? kept.address() : null;
    }
}
