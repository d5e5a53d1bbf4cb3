package dev.tessera.itests.mailbox;

import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * An SMTP server inside the container (GreenMail) that keeps every mail it is sent, for the tests to read. One at a
 * time; the tests never see Jakarta Mail's types, only {@link Mail}.
 */
public final class Mailbox {
    /** A received mail: its recipients, sender, subject and text. */
    public record Mail(List<String> to, String from, String subject, String text) {
    }

    private static GreenMail server;

    private Mailbox() {
    }

    /** Starts the server on the port (on localhost), unless it runs already. */
    public static synchronized void start(int port) {
        if (server != null) {
            return;
        }
        inBundle(() -> {
            GreenMail s = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            s.start();
            server = s;
            return null;
        });
    }

    /** Every mail received since the start, oldest first. */
    public static synchronized List<Mail> received() {
        if (server == null) {
            return List.of();
        }
        return inBundle(() -> {
            List<Mail> mails = new ArrayList<>();
            for (MimeMessage m : server.getReceivedMessages()) {
                try {
                    List<String> to = new ArrayList<>();
                    for (Address a : m.getAllRecipients()) {
                        to.add(a.toString());
                    }
                    Object content = m.getContent();
                    mails.add(new Mail(to, m.getFrom()[0].toString(), m.getSubject(), content instanceof String text
                            ? text : GreenMailUtil.getBody(m)));
                } catch (MessagingException | java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return mails;
        });
    }

    /** The mails received for one address. */
    public static List<Mail> receivedBy(String address) {
        return received().stream().filter(m -> m.to().contains(address)).toList();
    }

    public static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private interface Work<T> {
        T run();
    }

    /** Jakarta Mail finds its providers through the context class loader: this bundle's. */
    private static <T> T inBundle(Work<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(Mailbox.class.getClassLoader());
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
