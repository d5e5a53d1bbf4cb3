package dev.tessera.platform.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A failure with a stable, documented code such as {@code platform.unknown-module} or {@code ledger.unbalanced}.
 * The message is written for the person who sent the request: it says what was wrong and how to put it right.
 * Modules subclass it in their API packages.
 */
public class TesseraException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z0-9]+(-[a-z0-9]+)*)+");

    private final String code;
    private final ErrorKind kind;

    public TesseraException(ErrorCode code, String message) {
        this(code.code(), code.kind(), message, null);
    }

    public TesseraException(ErrorCode code, String message, Throwable cause) {
        this(code.code(), code.kind(), message, cause);
    }

    public TesseraException(String code, ErrorKind kind, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("Error code '" + code + "' is not of the form 'module.kebab-case-name'");
        }
        this.code = code;
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** The stable code, e.g. {@code platform.module-required}. */
    public String code() {
        return code;
    }

    public ErrorKind kind() {
        return kind;
    }

    /**
     * More for the client than the message says, as JSON-compatible values (e.g. the leads a new lead looks like);
     * REST adds them to the problem document beside its code. Empty unless a subclass has some.
     */
    public java.util.Map<String, Object> details() {
        return java.util.Map.of();
    }
}
