package dev.tessera.crm.marketing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

class MailDeliveryTest {
    private GreenMail server;

    @BeforeEach
    void start() {
        server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aMailReachesTheServerFromTheConfiguredSenderWithItsSubjectAndText() throws Exception {
        MarketingConfig c = config(Map.of("smtpPort", server.getSmtp().getPort(), "mailFrom",
                "Acme News <news@acme.example>"));
        MailDelivery.deliver(c, "mia@example.com", "Please confirm your subscription to Grüße",
                ConsentImpl.confirmationText(c, "mia@example.com", "Grüße", "tok3n",
                        Instant.parse("2026-12-04T10:00:00Z")));
        MimeMessage[] received = server.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("Please confirm your subscription to Grüße", received[0].getSubject());
        assertEquals("news@acme.example", ((jakarta.mail.internet.InternetAddress) received[0].getFrom()[0])
                .getAddress());
        assertEquals("mia@example.com", received[0].getAllRecipients()[0].toString());
        String text = (String) received[0].getContent();
        assertTrue(text.contains("/api/v1/marketing/public/confirm?token=tok3n"), text);
        assertTrue(text.contains("2026-12-04 10:00 UTC"), text);
    }

    @Test
    void aServerThatIsNotThereIsAFailureToTryAgainNotARefusedAddress() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        MarketingConfig c = config(Map.of("smtpPort", closed));
        MessagingException e = assertThrows(MessagingException.class,
                () -> MailDelivery.deliver(c, "mia@example.com", "Hello", "Text"));
        assertFalse(MailDelivery.permanent(e));
    }

    /** The settings with their defaults, except those given. */
    static MarketingConfig config(Map<String, Object> given) {
        return (MarketingConfig) Proxy.newProxyInstance(MarketingConfig.class.getClassLoader(),
                new Class<?>[] {MarketingConfig.class}, (proxy, method, args) -> {
                    if (given.containsKey(method.getName())) {
                        return given.get(method.getName());
                    }
                    if (method.getName().equals("annotationType")) {
                        return MarketingConfig.class;
                    }
                    Object value = method.getDefaultValue();
                    if (value == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return value;
                });
    }
}
