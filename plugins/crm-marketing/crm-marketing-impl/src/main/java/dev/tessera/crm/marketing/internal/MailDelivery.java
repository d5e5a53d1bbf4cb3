package dev.tessera.crm.marketing.internal;

import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Sql;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends the queued mails ({@link MailQueue}) through the SMTP server of etc/dev.tessera.crm.marketing.cfg, one at a
 * time in the background: a mail is claimed, sent and marked sent; a server that is down or answers 4xx gets the mail
 * again later with growing pauses; a recipient it refuses for good (5xx) is a hard bounce and suppressed. A list's
 * mail is held back when its address is suppressed or unsubscribed by the time it is its turn. A node stopped while
 * sending sends that mail again at its next start (at least once).
 */
@Component(service = MailDelivery.class, configurationPid = MarketingImpl.PID)
public final class MailDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);
    private static final int BATCH = 50;

    private final Transactions transactions;
    private final ConsentImpl consent;
    private final ScheduledExecutorService worker;
    private volatile MarketingConfig config;

    /** How many mails are in each state, and the newest failure. */
    public record Status(long pending, long sent, long heldBack, long failed, String lastError) {
    }

    @Activate
    public MailDelivery(@Reference Transactions transactions, @Reference ConsentImpl consent,
                        @Reference(target = "(tessera.module=crm-marketing)") ModuleSchema schema,
                        MarketingConfig config) {
        this.transactions = transactions;
        this.consent = consent;
        this.config = config;
        transactions.run(db -> Sql.execute(db, "UPDATE MKT_MAIL SET STATE = 'PENDING' WHERE STATE = 'SENDING'"));
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tessera-marketing-mail");
            t.setDaemon(true);
            return t;
        });
        worker.scheduleWithFixedDelay(this::sendDue, 1, 2, TimeUnit.SECONDS);
    }

    @Modified
    void modified(MarketingConfig changed) {
        this.config = changed;
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    public Status status() {
        return transactions.required(db -> {
            long[] counts = new long[MailQueue.State.values().length];
            for (Object[] r : Sql.rows(db, "SELECT STATE, COUNT(*) FROM MKT_MAIL GROUP BY STATE")) {
                counts[MailQueue.State.valueOf(Sql.text(r[0])).ordinal()] = Sql.longValue(r[1]);
            }
            Object[] last = Sql.row(db, "SELECT LAST_ERROR FROM MKT_MAIL WHERE LAST_ERROR IS NOT NULL"
                    + " AND ID = (SELECT MAX(ID) FROM MKT_MAIL WHERE LAST_ERROR IS NOT NULL)");
            return new Status(counts[MailQueue.State.PENDING.ordinal()] + counts[MailQueue.State.SENDING.ordinal()],
                    counts[MailQueue.State.SENT.ordinal()], counts[MailQueue.State.HELD_BACK.ordinal()],
                    counts[MailQueue.State.FAILED.ordinal()], last == null ? null : Sql.text(last[0]));
        });
    }

    private void sendDue() {
        try {
            List<Object[]> due = transactions.required(db -> Sql.rows(db, BATCH, "SELECT ID FROM MKT_MAIL"
                    + " WHERE STATE = 'PENDING' AND NEXT_ATTEMPT_AT <= ? ORDER BY NEXT_ATTEMPT_AT, ID", Instant.now()));
            for (Object[] row : due) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                send(Sql.longValue(row[0]));
            }
        } catch (RuntimeException e) {
            LOG.warn("Sending marketing mail failed and goes on in a moment: {}", e.toString());
        }
    }

    private void send(long id) {
        Object[] mail = transactions.required(db -> {
            Object[] m = Sql.row(db, "SELECT RECIPIENT, SUBJECT, BODY, PURPOSE, LIST_CODE, ATTEMPTS FROM MKT_MAIL"
                    + " WHERE ID = ? AND STATE = 'PENDING'", id);
            if (m == null) {
                return null;
            }
            if (MailQueue.Purpose.valueOf(Sql.text(m[3])) == MailQueue.Purpose.MARKETING
                    && !ConsentImpl.mayReceive(db, Sql.text(m[4]), Sql.text(m[0]))) {
                Sql.execute(db, "UPDATE MKT_MAIL SET STATE = 'HELD_BACK' WHERE ID = ?", id);
                return null;
            }
            Sql.execute(db, "UPDATE MKT_MAIL SET STATE = 'SENDING', ATTEMPTS = ATTEMPTS + 1 WHERE ID = ?", id);
            return m;
        });
        if (mail == null) {
            return;
        }
        String recipient = Sql.text(mail[0]);
        int attempt = Sql.intValue(mail[5]) + 1;
        MarketingConfig c = config;
        try {
            deliver(c, recipient, Sql.text(mail[1]), Sql.text(mail[2]));
            transactions.run(db -> Sql.execute(db, "UPDATE MKT_MAIL SET STATE = 'SENT', SENT_AT = ?, LAST_ERROR = NULL"
                    + " WHERE ID = ?", Instant.now(), id));
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
            String error = describe(e);
            boolean refused = permanent(e);
            boolean last = refused || attempt >= Math.max(1, c.mailAttempts());
            Instant next = Instant.now().plus(Math.min(60, 1L << Math.min(attempt - 1, 6)), ChronoUnit.MINUTES);
            transactions.run(db -> {
                Sql.execute(db, "UPDATE MKT_MAIL SET STATE = ?, NEXT_ATTEMPT_AT = ?, LAST_ERROR = ? WHERE ID = ?",
                        last ? MailQueue.State.FAILED.name() : MailQueue.State.PENDING.name(), next,
                        error.length() > 500 ? error.substring(0, 500) : error, id);
                if (refused) {
                    consent.hardBounced(db, recipient, "smtp: " + (error.length() > 90 ? error.substring(0, 90)
                            : error));
                }
            });
            if (last) {
                LOG.warn("Mail {} to {} was not sent{}: {}", id, recipient, refused ? " (refused for good)"
                        : " after " + attempt + " attempts", error);
            } else {
                LOG.info("Mail {} to {} was not sent (attempt {}), again at {}: {}", id, recipient, attempt, next,
                        error);
            }
        }
    }

    /** One mail through the configured server, on a connection of its own. */
    static void deliver(MarketingConfig c, String recipient, String subject, String body)
            throws MessagingException, UnsupportedEncodingException {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        // Jakarta Mail finds its providers through the context class loader; they are inside this bundle
        thread.setContextClassLoader(MailDelivery.class.getClassLoader());
        try {
            String protocol = c.smtpTls() ? "smtps" : "smtp";
            Properties p = new Properties();
            p.put("mail.transport.protocol", protocol);
            p.put("mail." + protocol + ".host", c.smtpHost());
            p.put("mail." + protocol + ".port", Integer.toString(c.smtpPort()));
            p.put("mail." + protocol + ".connectiontimeout", "10000");
            p.put("mail." + protocol + ".timeout", "30000");
            p.put("mail." + protocol + ".writetimeout", "30000");
            boolean login = c.smtpUser() != null && !c.smtpUser().isBlank();
            p.put("mail." + protocol + ".auth", Boolean.toString(login));
            if (c.smtpStartTls()) {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
            Session session = Session.getInstance(p);
            MimeMessage message = new MimeMessage(session);
            InternetAddress[] from = InternetAddress.parse(c.mailFrom(), true);
            message.setFrom(from.length == 0 ? new InternetAddress("marketing@localhost") : from[0]);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            message.setSentDate(new Date());
            try (Transport transport = session.getTransport(protocol)) {
                transport.connect(c.smtpHost(), c.smtpPort(), login ? c.smtpUser() : null,
                        login ? c.smtpPassword() : null);
                transport.sendMessage(message, message.getAllRecipients());
            }
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** A recipient the server refused with a 5xx: it will never take the mail. */
    static boolean permanent(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                    && failed.getInvalidAddresses().length > 0) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Exception e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 400; t = t.getCause()) {
            text.append(text.length() == 0 ? "" : ": ").append(t.getMessage() == null ? t.getClass().getSimpleName()
                    : t.getMessage().strip());
        }
        return text.toString();
    }
}
