package dev.tessera.platform.api;

/**
 * What kind of failure a {@link TesseraException} reports; interfaces map it to their own vocabulary
 * (REST to an HTTP status, the console to an exit status).
 */
public enum ErrorKind {
    /** The request itself is wrong (malformed, out of range, violates a business rule). */
    INVALID,
    /** A record or module that the request names does not exist. */
    NOT_FOUND,
    /** The request conflicts with the current state (already enabled, duplicate, insufficient stock). */
    CONFLICT,
    /** The caller may not do this. */
    FORBIDDEN,
    /** Something the request needs is not available now (a module absent, a database down). */
    UNAVAILABLE,
    /** A failure inside Tessera, not caused by the request. */
    INTERNAL
}
