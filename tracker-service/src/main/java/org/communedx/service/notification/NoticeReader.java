package org.communedx.service.notification;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads notices for the e-mails they become, whoever's they are: the sender's business, never a page's. */
@Component
class NoticeReader {

    private final JdbcClient jdbc;

    NoticeReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<NoticeView> byId(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("select " + NotificationInbox.COLUMNS + " where n.id = ?").param(id)
                .query(NotificationInbox::view).optional();
    }

    /** The notices a digest row gathered, oldest first. */
    List<NoticeView> ofDigest(long outboxId) {
        return jdbc.sql("select " + NotificationInbox.COLUMNS + " where n.digest_id = ? order by n.created_at, n.id")
                .param(outboxId).query(NotificationInbox::view).list();
    }
}
