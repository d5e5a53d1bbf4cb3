package dev.tessera.erp.ledger.api;

import dev.tessera.platform.api.ErrorCode;
import dev.tessera.platform.api.TesseraException;

/** A refusal of the ledger, with one of the {@link LedgerErrors} codes. */
public class LedgerException extends TesseraException {
    private static final long serialVersionUID = 1L;

    public LedgerException(ErrorCode code, String message) {
        super(code, message);
    }

}
