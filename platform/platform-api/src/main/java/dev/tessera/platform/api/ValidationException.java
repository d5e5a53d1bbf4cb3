package dev.tessera.platform.api;

import java.util.List;

/**
 * A request refused for its content, with every field that was wrong (not just the first), so a form can mark
 * them all at once. Over REST it becomes a 400 problem document whose {@code errors} lists the fields.
 */
public class ValidationException extends TesseraException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public ValidationException(ErrorCode code, String message, List<FieldError> errors) {
        super(code, message);
        if (code.kind() != ErrorKind.INVALID) {
            throw new IllegalArgumentException("A validation error needs a code of kind INVALID, not " + code.kind());
        }
        this.errors = List.copyOf(errors);
    }

    /** Refuses with the platform's generic validation code when any field is wrong; does nothing otherwise. */
    public static void throwIfAny(String what, List<FieldError> errors) {
        throwIfAny(PlatformErrors.VALIDATION_FAILED, what, errors);
    }

    /** Refuses with a module's own code (of kind INVALID) when any field is wrong; does nothing otherwise. */
    public static void throwIfAny(ErrorCode code, String what, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(code, what + " has " + errors.size()
                    + (errors.size() == 1 ? " invalid field: " : " invalid fields: ")
                    + String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList()), errors);
        }
    }

    public List<FieldError> errors() {
        return errors;
    }
}
