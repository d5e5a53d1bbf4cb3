package dev.tessera.platform.api.event;

import dev.tessera.platform.api.ErrorKind;
import dev.tessera.platform.api.TesseraException;

/**
 * An event that can never be handled as it is — its payload does not fit its declared contract, or the handler's
 * rules refuse it for good — as opposed to a failure that a retry may cure (a database that did not answer, a
 * neighbour that is away). The dispatcher dead-letters it at once, with this message as the reason, instead of
 * retrying it; it can be replayed once what refused it is fixed.
 */
public class UndeliverableEvent extends TesseraException {
    private static final long serialVersionUID = 1L;

    public UndeliverableEvent(String message, Throwable cause) {
        super("platform.undeliverable-event", ErrorKind.INVALID, message, cause);
    }

    public UndeliverableEvent(String message) {
        this(message, null);
    }
}
