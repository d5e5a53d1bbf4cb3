/**
 * Marketing's contract: campaigns with their UTM codes and cost ({@link Campaigns}), the touches people have with them
 * ({@link Touches}), lead scores that explain themselves and decay with time ({@link Scores}) and the revenue of won
 * deals credited to campaigns under five attribution models ({@link Attribution}), and consent: mailing lists,
 * subscriptions with double opt-in and the suppression list ({@link Consent}). crm-marketing owns campaigns, touches,
 * scores, mailing lists, subscriptions and suppressions; it keeps read-only copies of the pipeline's leads and won opportunities from its events.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.tessera.crm.marketing.api;
