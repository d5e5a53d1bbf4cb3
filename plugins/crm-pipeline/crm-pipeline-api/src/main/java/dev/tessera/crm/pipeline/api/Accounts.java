package dev.tessera.crm.pipeline.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Accounts and their contacts. Every create and change publishes {@code pipeline.account.created|updated} (and
 * {@code pipeline.contact.*}) with the {@code changes} diff, from which ERP keeps its customer copy.
 */
@ProviderType
public interface Accounts {

    /** Up to {@code limit} accounts with ids above {@code afterId}, by id. */
    List<Account> accounts(long afterId, int limit);

    Optional<Account> account(long id);

    Account createAccount(NewAccount account, String actor);

    Account updateAccount(long id, NewAccount changes, String actor);

    List<Contact> contacts(long accountId);

    Optional<Contact> contact(long id);

    Contact createContact(NewContact contact, String actor);

    Contact updateContact(long id, NewContact changes, String actor);
}
