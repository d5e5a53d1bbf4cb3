package dev.tessera.crm.marketing.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tessera.platform.support.Sql;

/**
 * Marketing's outgoing mail: a mail is a row written in the transaction that asks for it, so it goes out exactly when
 * that transaction commits, and {@link MailDelivery} sends it in the background.
 */
final class MailQueue {
    /** Why a mail goes out, which decides whether the suppression list holds it back. */
    enum Purpose {
        /** Asked for by its recipient (a confirmation link): sent to a suppressed address too. */
        CONFIRMATION,
        /** A list's mail: sent only while the address is subscribed and not suppressed, checked when it is sent. */
        MARKETING
    }

    /** Where a mail stands. */
    enum State {
        PENDING, SENDING, SENT,
        /** Not sent: the address was suppressed or unsubscribed when its turn came. */
        HELD_BACK,
        /** Refused by the server for good, or not accepted after every attempt. */
        FAILED
    }

    private MailQueue() {
    }

    static long queue(Connection db, String recipient, String subject, String body, Purpose purpose, String list) {
        Instant now = Instant.now();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("RECIPIENT", recipient);
        row.put("SUBJECT", subject.length() > 200 ? subject.substring(0, 200) : subject);
        row.put("BODY", body);
        row.put("PURPOSE", purpose.name());
        row.put("LIST_CODE", list);
        row.put("STATE", State.PENDING.name());
        row.put("ATTEMPTS", 0);
        row.put("NEXT_ATTEMPT_AT", now);
        row.put("CREATED_AT", now);
        return Sql.insertReturningId(db, "MKT_MAIL", row);
    }
}
