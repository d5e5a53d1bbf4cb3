package dev.tessera.platform.webhooks.internal;

import java.util.List;

/**
 * What a client sends to subscribe, and nothing else: the receiver's URL, the event type patterns, optionally a
 * secret of its own (one is generated otherwise) and a description.
 */
public record NewWebhook(String url, List<String> events, String secret, String description) {
}
