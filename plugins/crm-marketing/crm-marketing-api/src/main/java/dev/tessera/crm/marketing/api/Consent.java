package dev.tessera.crm.marketing.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Mailing lists, subscriptions and the suppression list, each operation one transaction and each change an entry of
 * the address's consent history and an event. Unsubscribing from one list leaves the others; a global opt-out or a
 * hard bounce suppresses the address for every send; subscribing again after that needs the person's confirmation
 * through a mailed link (double opt-in), which lifts the suppression.
 */
@ProviderType
public interface Consent {
    MailingList createList(NewMailingList list, String actor);

    Optional<MailingList> list(String code);

    /** Lists by code after {@code afterCode}. */
    List<MailingList> lists(String afterCode, int limit);

    /**
     * Subscribes an address to a list. It is subscribed at once, unless the list asks for double opt-in or the
     * address is suppressed: then the subscription waits and a confirmation mail goes to the address. Subscribing an
     * address that is subscribed already changes nothing.
     */
    Subscription subscribe(String list, String email, String source, String actor);

    /** Confirms the subscription a mailed confirmation link names; an unknown or expired link is refused. */
    Subscription confirm(String token);

    /** Ends one list's subscription; the address's other lists stay as they are. */
    Subscription unsubscribe(String list, String email, String source, String actor);

    /** A global opt-out: every subscription of the address ends and it is suppressed for every send. */
    Suppression optOut(String email, String source, String actor);

    /** A hard bounce: the address is suppressed for every send. */
    Suppression hardBounce(String email, String source, String actor);

    Optional<Subscription> subscription(String list, String email);

    /** A list's subscriptions by address after {@code afterEmail}; {@code status} null for all. */
    List<Subscription> subscriptions(String list, SubscriptionStatus status, String afterEmail, int limit);

    /** An address's subscriptions to every list. */
    List<Subscription> subscriptionsOf(String email);

    Optional<Suppression> suppression(String email);

    /** Suppressed addresses after {@code afterEmail}. */
    List<Suppression> suppressions(String afterEmail, int limit);

    /** An address's consent history, oldest first. */
    List<ConsentChange> history(String email);

    /** Whether a mail of the list may go to the address now: subscribed and not suppressed. */
    boolean mayReceive(String list, String email);
}
