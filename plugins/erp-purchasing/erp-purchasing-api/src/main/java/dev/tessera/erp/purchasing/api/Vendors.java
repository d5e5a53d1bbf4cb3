package dev.tessera.erp.purchasing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Vendors and their price agreements. Every change publishes its {@code purchasing.vendor.*} event in the same
 * transaction.
 */
@ProviderType
public interface Vendors {

    /** Up to {@code limit} vendors with ids above {@code afterId}, by id; {@code active} null for all. */
    List<Vendor> vendors(Boolean active, long afterId, int limit);

    Optional<Vendor> vendor(long id);

    /** The vendor with this code, in any case. */
    Optional<Vendor> vendorByCode(String code);

    Vendor createVendor(NewVendor vendor, String actor);

    Vendor updateVendor(long id, VendorChanges changes, String actor);

    /** Deactivates a vendor: no new orders or agreements; its open orders and its history stay. */
    Vendor deactivate(long id, String actor);

    PriceAgreement addPrice(long vendorId, NewPriceAgreement agreement, String actor);

    /** The vendor's agreements, by SKU then minimum quantity; {@code sku} null for all, ended ones only if asked. */
    List<PriceAgreement> prices(long vendorId, String sku, boolean includeEnded);

    /** Ends an agreement: {@code validTo} (today when null) becomes its last day. */
    PriceAgreement endPrice(long vendorId, long agreementId, LocalDate validTo, String actor);

    /**
     * The agreement a purchase order line uses: of this vendor and item, valid on {@code orderDate}, with the greatest
     * minimum quantity not above {@code quantity}; empty when there is none.
     */
    Optional<PriceAgreement> priceFor(long vendorId, String sku, BigDecimal quantity, LocalDate orderDate);

    /**
     * The vendor a purchase of {@code quantity} of an item goes to on {@code day}, as reorders choose it: of the active
     * vendors whose agreement for the item valid that day sells the quantity, the one whose agreement prices it
     * lowest, then the shorter lead time, then the vendor code; when no agreement's minimum is reached, the quantity
     * rises to the smallest minimum a vendor asks for (the cheapest on a tie). Empty when no active vendor has such
     * an agreement.
     */
    Optional<VendorChoice> preferredVendor(String sku, BigDecimal quantity, LocalDate day);
}
