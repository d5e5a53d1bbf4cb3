package dev.tessera.platform.webhooks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tessera.platform.api.FieldError;

class WebhookChecksTest {
    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/x", "example.com/hook", "javascript:alert(1)", "http://",
        "https://user:pw@example.com/hook", "http://exa mple.com/", "' OR 1=1 --"})
    void urlsOtherThanAbsoluteHttpWithoutCredentialsAreRefused(String url) {
        List<FieldError> errors = new ArrayList<>();
        assertNull(WebhookAdmin.checkUrl(url, errors));
        assertEquals("url", errors.get(0).field());
    }

    @Test
    void anHttpsUrlIsTaken() {
        List<FieldError> errors = new ArrayList<>();
        assertEquals("https://example.com/hooks/tessera?x=1", WebhookAdmin.checkUrl("https://example.com/hooks/tessera?x=1", errors));
        assertTrue(errors.isEmpty());
    }

    @Test
    void eventPatternsAreTypesPrefixesOrStarAndEachBadOneIsNamedByIndex() {
        List<FieldError> errors = new ArrayList<>();
        List<String> ok = WebhookAdmin.checkEvents(Arrays.asList("sales.invoice.issued", "sales.*", "*", "sales.*"), errors);
        assertEquals(List.of("sales.invoice.issued", "sales.*", "*"), ok);
        assertTrue(errors.isEmpty());

        WebhookAdmin.checkEvents(Arrays.asList("sales.*.issued", "<script>", null, "SALES.*", "a.b.c.*"), errors);
        assertEquals(List.of("events[0]", "events[1]", "events[2]", "events[3]", "events[4]"),
                errors.stream().map(FieldError::field).toList());
    }

    @Test
    void retriesWaitLongerEachTimeUpToTheMaximum() {
        WebhookSender.Settings settings = new WebhookSender.Settings(1000, 5000, 3, 10, 1000, 4, 600);
        assertEquals(Duration.ofMillis(1000), settings.backoff(1));
        assertEquals(Duration.ofMillis(2000), settings.backoff(2));
        assertEquals(Duration.ofMillis(4000), settings.backoff(3));
        assertEquals(Duration.ofMillis(5000), settings.backoff(4));
        assertEquals(Duration.ofMillis(5000), settings.backoff(400));
    }

    @Test
    void aReceiversRefusalSaysWhatItMeans() {
        assertTrue(WebhookSender.refusal(401, null).startsWith("Permission problem"));
        assertTrue(WebhookSender.refusal(403, null).contains("secret"));
        assertTrue(WebhookSender.refusal(302, "https://elsewhere").contains("https://elsewhere"));
        assertTrue(WebhookSender.refusal(503, null).contains("503"));
    }
}
