package dev.tessera.platform.api;

/** The kernel's error codes. */
public interface PlatformErrors {
    ErrorCode INVALID_ARGUMENT = ErrorCode.of("platform.invalid-argument", ErrorKind.INVALID);
    ErrorCode VALIDATION_FAILED = ErrorCode.of("platform.validation-failed", ErrorKind.INVALID);
    ErrorCode UNKNOWN_MODULE = ErrorCode.of("platform.unknown-module", ErrorKind.NOT_FOUND);
    ErrorCode MODULE_ALREADY_ENABLED = ErrorCode.of("platform.module-already-enabled", ErrorKind.CONFLICT);
    ErrorCode MODULE_NOT_ENABLED = ErrorCode.of("platform.module-not-enabled", ErrorKind.CONFLICT);
    ErrorCode MODULE_REQUIRED = ErrorCode.of("platform.module-required", ErrorKind.CONFLICT);
    ErrorCode MODULE_UP_TO_DATE = ErrorCode.of("platform.module-up-to-date", ErrorKind.CONFLICT);
    ErrorCode MODULE_FAILED = ErrorCode.of("platform.module-failed", ErrorKind.UNAVAILABLE);
    ErrorCode MODULE_UNAVAILABLE = ErrorCode.of("platform.module-unavailable", ErrorKind.UNAVAILABLE);
    ErrorCode OWNERSHIP_CONFLICT = ErrorCode.of("platform.ownership-conflict", ErrorKind.CONFLICT);
    ErrorCode NOT_OWNER = ErrorCode.of("platform.not-owner", ErrorKind.FORBIDDEN);
    ErrorCode UNDECLARED_EVENT = ErrorCode.of("platform.undeclared-event", ErrorKind.INVALID);
    ErrorCode CURRENCY_MISMATCH = ErrorCode.of("platform.currency-mismatch", ErrorKind.INVALID);
    ErrorCode DEAD_LETTER_NOT_FOUND = ErrorCode.of("platform.dead-letter-not-found", ErrorKind.NOT_FOUND);
    ErrorCode REPLAY_FAILED = ErrorCode.of("platform.replay-failed", ErrorKind.CONFLICT);
    ErrorCode SUBSCRIBER_ABSENT = ErrorCode.of("platform.subscriber-absent", ErrorKind.UNAVAILABLE);
    ErrorCode UNKNOWN_USER = ErrorCode.of("platform.unknown-user", ErrorKind.NOT_FOUND);
    ErrorCode TOKEN_NOT_FOUND = ErrorCode.of("platform.token-not-found", ErrorKind.NOT_FOUND);
    ErrorCode DATABASE_UNAVAILABLE = ErrorCode.of("platform.database-unavailable", ErrorKind.UNAVAILABLE);
    ErrorCode IDEMPOTENCY_KEY_REUSED = ErrorCode.of("platform.idempotency-key-reused", ErrorKind.INVALID);
    ErrorCode IDEMPOTENCY_KEY_IN_USE = ErrorCode.of("platform.idempotency-key-in-use", ErrorKind.CONFLICT);
    ErrorCode UNKNOWN_PROFILE = ErrorCode.of("platform.unknown-profile", ErrorKind.NOT_FOUND);
    ErrorCode TRANSACTION_CONFLICT = ErrorCode.of("platform.transaction-conflict", ErrorKind.CONFLICT);
    ErrorCode PERSISTENCE_FAILED = ErrorCode.of("platform.persistence-failed", ErrorKind.INTERNAL);
}
