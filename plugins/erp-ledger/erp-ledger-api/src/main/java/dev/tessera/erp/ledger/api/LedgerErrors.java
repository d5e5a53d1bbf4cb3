package dev.tessera.erp.ledger.api;

import dev.tessera.platform.api.ErrorCode;
import dev.tessera.platform.api.ErrorKind;

/** The ledger's error codes; REST answers them as problem+json, the console prints them after the message. */
public interface LedgerErrors {
    ErrorCode UNBALANCED = ErrorCode.of("ledger.unbalanced", ErrorKind.INVALID);
    ErrorCode INVALID_ENTRY = ErrorCode.of("ledger.invalid-entry", ErrorKind.INVALID);
    ErrorCode UNKNOWN_ACCOUNT = ErrorCode.of("ledger.unknown-account", ErrorKind.INVALID);
    ErrorCode ACCOUNT_INACTIVE = ErrorCode.of("ledger.account-inactive", ErrorKind.INVALID);
    ErrorCode ACCOUNT_NOT_POSTABLE = ErrorCode.of("ledger.account-not-postable", ErrorKind.INVALID);
    ErrorCode PERIOD_CLOSED = ErrorCode.of("ledger.period-closed", ErrorKind.CONFLICT);
    ErrorCode PERIOD_LOCKED = ErrorCode.of("ledger.period-locked", ErrorKind.CONFLICT);
    ErrorCode NO_RATE = ErrorCode.of("ledger.no-rate", ErrorKind.INVALID);
    ErrorCode ENTRY_NOT_FOUND = ErrorCode.of("ledger.entry-not-found", ErrorKind.NOT_FOUND);
    ErrorCode ACCOUNT_NOT_FOUND = ErrorCode.of("ledger.account-not-found", ErrorKind.NOT_FOUND);
    ErrorCode PERIOD_NOT_FOUND = ErrorCode.of("ledger.period-not-found", ErrorKind.NOT_FOUND);
    ErrorCode ALREADY_REVERSED = ErrorCode.of("ledger.already-reversed", ErrorKind.CONFLICT);
    ErrorCode DUPLICATE_ACCOUNT = ErrorCode.of("ledger.duplicate-account", ErrorKind.CONFLICT);
    ErrorCode INVALID_ACCOUNT = ErrorCode.of("ledger.invalid-account", ErrorKind.INVALID);
    ErrorCode INVALID_RATE = ErrorCode.of("ledger.invalid-rate", ErrorKind.INVALID);
    ErrorCode INVALID_TAX_CODE = ErrorCode.of("ledger.invalid-tax-code", ErrorKind.INVALID);
    ErrorCode UNKNOWN_TAX_CODE = ErrorCode.of("ledger.unknown-tax-code", ErrorKind.INVALID);
    ErrorCode DUPLICATE_TAX_CODE = ErrorCode.of("ledger.duplicate-tax-code", ErrorKind.CONFLICT);
    ErrorCode SOURCE_CONFLICT = ErrorCode.of("ledger.source-conflict", ErrorKind.CONFLICT);
    ErrorCode SOURCE_RESERVED = ErrorCode.of("ledger.source-reserved", ErrorKind.INVALID);
    ErrorCode INVALID_IMPORT = ErrorCode.of("ledger.invalid-import", ErrorKind.INVALID);
}
