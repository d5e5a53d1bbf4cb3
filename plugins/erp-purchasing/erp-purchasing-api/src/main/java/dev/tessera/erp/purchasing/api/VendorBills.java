package dev.tessera.erp.purchasing.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Vendor bills, matched against their purchase order and its receipts. Entering a bill is one transaction: a bill
 * whose every line matches is posted to payables at once (its event is what the ledger books: goods received not
 * invoiced, stock revaluation and price variance, input tax, against accounts payable); a bill with a line that does
 * not match is held with the reason of each line and posts nothing until an approver releases it. Bills of one
 * order are serialised with its receipts, so two bills at once cannot bill the same received goods twice.
 */
@ProviderType
public interface VendorBills {

    /** Enters a vendor's bill: posted when it matches, held with its reasons when not. */
    VendorBill enter(NewVendorBill bill, String actor);

    /**
     * Releases a held bill with a note saying why it is accepted as it is, and posts it. Needs the role
     * purchasing-approver or admin ({@code actorRoles}) and someone other than who entered it.
     */
    VendorBill release(long id, String note, String actor, Set<String> actorRoles);

    /** Cancels a held bill (the vendor sends a corrected one); a posted bill is not cancelled. */
    VendorBill cancel(long id, String reason, String actor);

    Optional<VendorBill> bill(long id);

    Optional<VendorBill> billByNumber(String number);

    /** Up to {@code limit} bills with ids above {@code afterId}; {@code status} and {@code vendorId} filter when set. */
    List<VendorBill> bills(BillStatus status, Long vendorId, long afterId, int limit);

    /** The bills still owed something (open or partially paid), oldest due first; {@code vendorId} null for all. */
    List<VendorBill> openItems(Long vendorId);
}
