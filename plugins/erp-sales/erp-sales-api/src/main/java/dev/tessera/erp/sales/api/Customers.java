package dev.tessera.erp.sales.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Customers' billing terms; {@code sales.customer-billing.updated} carries every change with its diff. */
@ProviderType
public interface Customers {

    List<CustomerBilling> customers(long afterAccountId, int limit);

    Optional<CustomerBilling> billing(long accountId);

    /** Creates or changes a customer's billing terms. */
    CustomerBilling setBilling(long accountId, NewBilling billing, String actor);
}
