/** API tokens: issued for users of the JAAS realm, stored as hashes, checked for the REST API. */
package dev.tessera.platform.core.internal.security;
