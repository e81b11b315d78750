package org.communedx.service.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

import org.communedx.service.Actors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The write API's {@code Idempotency-Key}: a client that retries a write after a lost answer sends the same key, and
 * gets the first answer again rather than a second write. Keys belong to the caller (user or token name), so one
 * caller's keys never meet another's, and are kept for {@link #KEPT} before they may be used again.
 * <p>
 * The key is claimed and the write done in one transaction: a write that fails rolls the claim back with it, so a
 * refused request may be retried with its key; a second request with the key while the first is still running waits
 * for it on the key's row and then gets its answer.
 */
@Service
public class IdempotencyKeys {

    /** The longest key taken, as the column does. */
    public static final int KEY_MAX = 200;

    /** How long a key's answer is kept: a client retries within minutes, not days. */
    static final Duration KEPT = Duration.ofHours(24);

    private final JdbcClient jdbc;

    private final Clock clock;

    IdempotencyKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An answer as it was sent, to send again. */
    public record Answer(int status, String contentType, String etag, String body) {
    }

    /** The key was used before with another request: a 422. */
    public static class KeyReused extends RuntimeException {

        KeyReused() {
            super("Idempotency-Key used before with another request");
        }
    }

    /**
     * Acts once per key: the first call with the key runs {@code write} and keeps its answer; a later call with the
     * same request gets that answer without running it again; one with another request is refused.
     * @param requestHash what identifies the request: its method, path, preconditions and body, hashed
     * @throws KeyReused when the key was used with another request
     */
    @Transactional
    public Answer once(String key, String requestHash, Supplier<Answer> write) {
        String user = Actors.username();
        Instant now = clock.instant();
        jdbc.sql("delete from api_idempotency where username = ? and idempotency_key = ? and created_at < ?")
                .params(user, key, at(now.minus(KEPT))).update();
        int claimed = jdbc.sql("""
                insert into api_idempotency (username, idempotency_key, request_hash, status, created_at)
                values (?, ?, ?, 0, ?) on conflict do nothing""")
                .params(user, key, requestHash, at(now)).update();
        if (claimed == 0) {
            Optional<Stored> stored = jdbc.sql("""
                    select request_hash, status, content_type, etag, body from api_idempotency
                    where username = ? and idempotency_key = ?""").params(user, key)
                    .query((rs, row) -> new Stored(rs.getString(1), new Answer(rs.getInt(2), rs.getString(3),
                            rs.getString(4), rs.getString(5))))
                    .optional();
            // Gone meanwhile only if its first request rolled back after this one looked: then act as the first.
            if (stored.isPresent()) {
                if (!stored.get().requestHash().equals(requestHash)) {
                    throw new KeyReused();
                }
                return stored.get().answer();
            }
            jdbc.sql("""
                    insert into api_idempotency (username, idempotency_key, request_hash, status, created_at)
                    values (?, ?, ?, 0, ?)""").params(user, key, requestHash, at(now)).update();
        }
        Answer answer = write.get();
        jdbc.sql("""
                update api_idempotency set status = ?, content_type = ?, etag = ?, body = ?
                where username = ? and idempotency_key = ?""")
                .params(answer.status(), answer.contentType(), answer.etag(), answer.body(), user, key).update();
        return answer;
    }

    /** Forgets the keys older than {@link #KEPT}; see {@code IdempotencySweep}. */
    @Transactional
    public int forgetOld() {
        return jdbc.sql("delete from api_idempotency where created_at < ?")
                .params(at(clock.instant().minus(KEPT))).update();
    }

    private record Stored(String requestHash, Answer answer) {
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
