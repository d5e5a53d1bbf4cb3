package dev.tessera.platform.webhooks.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The answer to a subscription: the webhook and, this once, its signing secret. */
public record WebhookCreated(@JsonUnwrapped Webhook webhook, String secret) {
}
