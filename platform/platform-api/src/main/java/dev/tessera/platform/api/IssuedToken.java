package dev.tessera.platform.api;

/** A newly created token with its secret, which is shown this once and stored only as a hash. */
public record IssuedToken(ApiToken token, String secret) {
}
