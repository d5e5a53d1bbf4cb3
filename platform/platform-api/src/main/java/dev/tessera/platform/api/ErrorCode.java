package dev.tessera.platform.api;

/**
 * A stable error code and the kind of failure it reports. Modules declare theirs as constants, see
 * {@link PlatformErrors}.
 */
public record ErrorCode(String code, ErrorKind kind) {
    public static ErrorCode of(String code, ErrorKind kind) {
        return new ErrorCode(code, kind);
    }
}
