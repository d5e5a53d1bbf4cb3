/** Services of the test modules that the integration tests call. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.tessera.itest.greeter.api;
