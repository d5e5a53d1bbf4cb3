package dev.tessera.erp.ledger.api;

import java.util.List;

import dev.tessera.platform.api.ErrorCode;
import dev.tessera.platform.api.ErrorKind;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;

/** A refusal of the ledger, with one of the {@link LedgerErrors} codes. */
public class LedgerException extends TesseraException {
    private static final long serialVersionUID = 1L;

    public LedgerException(ErrorCode code, String message) {
        super(code, message);
    }

    /** A refusal of a request's content that names each wrong field. */
    public static TesseraException invalid(ErrorCode code, String message, List<FieldError> errors) {
        return code.kind() == ErrorKind.INVALID ? new ValidationException(code, message, errors)
                : new LedgerException(code, message);
    }
}
