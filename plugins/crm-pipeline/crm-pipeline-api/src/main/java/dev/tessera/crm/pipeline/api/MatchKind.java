package dev.tessera.crm.pipeline.api;

/**
 * Why two leads look like one person: the same e-mail address (case-insensitive), the same company domain (from the
 * e-mail or the company's web address, without "www." and free-mail domains), or a near-identical name.
 */
public enum MatchKind {
    EMAIL, DOMAIN, NAME
}
