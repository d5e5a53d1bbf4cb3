/** Argon2id password hashes for the JAAS realm, registered before any login can need them. */
@org.osgi.annotation.bundle.Header(name = "Bundle-Activator", value = "dev.tessera.platform.security.internal.Activator")
package dev.tessera.platform.security.internal;
