package dev.tessera.erp.purchasing.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Payments to vendors and what purchasing owes them. A payment is one transaction with the bills it settles (locked
 * in id order, so payments at once never pay a bill beyond what it owes) and its event, which the ledger books as
 * accounts payable against cash.
 */
@ProviderType
public interface VendorPayments {

    /** Pays posted bills of one vendor, in full or in part; never more than a bill owes. */
    VendorPayment pay(NewVendorPayment payment, String actor);

    Optional<VendorPayment> payment(long id);

    /** Up to {@code limit} payments with ids above {@code afterId}; {@code vendorId} filters when set. */
    List<VendorPayment> payments(Long vendorId, long afterId, int limit);

    /**
     * Accounts payable aging at the end of {@code asOf}: per vendor and currency, the posted bills dated up to then
     * less the payments dated up to then, by days past their due date.
     */
    List<AgingLine> aging(LocalDate asOf);
}
