package dev.tessera.erp.sales.internal;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import dev.tessera.crm.pipeline.api.Account;
import dev.tessera.crm.pipeline.api.Accounts;
import dev.tessera.erp.sales.api.CustomerBilling;
import dev.tessera.erp.sales.api.Customers;
import dev.tessera.erp.sales.api.NewBilling;
import dev.tessera.erp.sales.api.SalesErrors;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ModuleManager;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.NumberSeries;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Neighbours;

/**
 * Sales' customers: the billing facet of the pipeline's accounts. A document names a customer sales knows — its copy
 * of a pipeline account, or, while the pipeline is not enabled, a customer set up in sales by its billing terms —
 * and nothing else: an order, payment or billing change for an account nobody knows is refused.
 */
@Component(service = {Customers.class, CustomersImpl.class}, configurationPid = OrdersImpl.PID)
public final class CustomersImpl implements Customers {
    private final Transactions transactions;
    private final ModuleManager modules;
    private final SalesStore store;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Accounts accounts;

    @Activate
    public CustomersImpl(@Reference Transactions transactions, @Reference EventPublisher events,
                         @Reference NumberSeries numbers,
                         @Reference(target = "(tessera.module=erp-sales)") ModuleSchema schema, SalesConfig config,
                         @Reference ModuleManager modules) {
        this.modules = modules;
        this.transactions = transactions;
        this.store = new SalesStore(events, numbers, Settings.of(config));
    }

    @Override
    public List<CustomerBilling> customers(long afterAccountId, int limit) {
        return transactions.required(db -> store.customers(db, afterAccountId, limit));
    }

    @Override
    public Optional<CustomerBilling> billing(long accountId) {
        return transactions.required(db -> store.customer(db, accountId));
    }

    @Override
    public CustomerBilling setBilling(long accountId, NewBilling changes, String actor) {
        requireAccountId(accountId, "accountId");
        return transactions.required(db -> {
            if (store.customer(db, accountId).isEmpty()) {
                Accounts pipeline = Neighbours.optional(accounts, "crm-pipeline", modules);
                if (pipeline != null) {
                    Account account = pipeline.account(accountId).orElseThrow(() -> new TesseraException(
                            SalesErrors.CUSTOMER_NOT_FOUND, "No account " + accountId + " in the pipeline; billing"
                            + " terms belong to an existing account (GET /api/v1/pipeline/accounts lists them)"));
                    store.copyAccount(db, accountId, account.name(), account.address());
                } else if (changes == null || changes.name() == null || changes.name().isBlank()) {
                    throw new ValidationException(SalesErrors.UNKNOWN_CUSTOMER, "Customer " + accountId + " is new"
                            + " to sales and the pipeline is not enabled to name it", List.of(new FieldError("name",
                            "is required to set up a new customer while the pipeline is not enabled")));
                }
            }
            return store.setBilling(db, accountId, changes, actor);
        });
    }

    /** The pipeline's name and address of an account, as a read-only copy, in the caller's transaction. */
    void copyAccount(Connection db, long accountId, String name, String address) {
        store.copyAccount(db, accountId, name, address);
    }

    /**
     * The customer a document names, in the caller's transaction: sales' copy of it, made from the pipeline's account
     * when this is the first document for it.
     *
     * @throws ValidationException {@code sales.unknown-customer} when nobody knows the account
     */
    CustomerBilling require(Connection db, long accountId, String field) {
        requireAccountId(accountId, field);
        Optional<CustomerBilling> known = store.customer(db, accountId);
        if (known.isPresent()) {
            return known.get();
        }
        Accounts pipeline = Neighbours.optional(accounts, "crm-pipeline", modules);
        Optional<Account> account = pipeline == null ? Optional.empty() : pipeline.account(accountId);
        if (account.isEmpty()) {
            throw new ValidationException(SalesErrors.UNKNOWN_CUSTOMER, "No customer " + accountId + ": "
                    + (pipeline == null ? "the pipeline is not enabled, so set the customer up in sales first (PUT"
                    + " /api/v1/sales/customers/" + accountId + "/billing with a name)"
                    : "the pipeline has no such account (GET /api/v1/pipeline/accounts lists them)"),
                    List.of(new FieldError(field, accountId + " is not a known customer")));
        }
        store.copyAccount(db, accountId, account.get().name(), account.get().address());
        return store.customer(db, accountId).orElseThrow();
    }

    private static void requireAccountId(long accountId, String field) {
        if (accountId < 1) {
            throw new ValidationException(SalesErrors.INVALID, "An account id is a positive number",
                    List.of(new FieldError(field, "must be a positive account id, not " + accountId)));
        }
    }
}
