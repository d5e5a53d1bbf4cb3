package dev.tessera.platform.webhooks.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A delivery with the body that is sent and every attempt made, oldest first. */
public record DeliveryDetail(@JsonUnwrapped Delivery delivery, @JsonRawValue String payload, List<Attempt> attempts) {
}
