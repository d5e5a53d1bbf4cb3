package dev.tessera.erp.purchasing.api;

import dev.tessera.platform.api.ErrorCode;
import dev.tessera.platform.api.ErrorKind;

/** Purchasing's error codes. */
public interface PurchasingErrors {
    ErrorCode INVALID = ErrorCode.of("purchasing.invalid", ErrorKind.INVALID);
    ErrorCode VENDOR_NOT_FOUND = ErrorCode.of("purchasing.vendor-not-found", ErrorKind.NOT_FOUND);
    /** A document names a vendor that does not exist. */
    ErrorCode UNKNOWN_VENDOR = ErrorCode.of("purchasing.unknown-vendor", ErrorKind.INVALID);
    ErrorCode DUPLICATE_VENDOR = ErrorCode.of("purchasing.duplicate-vendor", ErrorKind.CONFLICT);
    /** A new order or price agreement for a deactivated vendor. */
    ErrorCode VENDOR_INACTIVE = ErrorCode.of("purchasing.vendor-inactive", ErrorKind.CONFLICT);
    /** The vendor's currency cannot change while it has price agreements or open orders in the old one. */
    ErrorCode VENDOR_IN_USE = ErrorCode.of("purchasing.vendor-in-use", ErrorKind.CONFLICT);
    ErrorCode PRICE_NOT_FOUND = ErrorCode.of("purchasing.price-not-found", ErrorKind.NOT_FOUND);
    /** An item line without a typed price and no agreement of the vendor valid for it. */
    ErrorCode NO_PRICE = ErrorCode.of("purchasing.no-price", ErrorKind.INVALID);
    ErrorCode CURRENCY_MISMATCH = ErrorCode.of("purchasing.currency-mismatch", ErrorKind.INVALID);
    ErrorCode UNKNOWN_ITEM = ErrorCode.of("purchasing.unknown-item", ErrorKind.INVALID);
    ErrorCode ORDER_NOT_FOUND = ErrorCode.of("purchasing.order-not-found", ErrorKind.NOT_FOUND);
    /** The order's status does not allow the operation. */
    ErrorCode ORDER_STATE = ErrorCode.of("purchasing.order-state", ErrorKind.CONFLICT);
    /** The author of an order above the approval threshold tried to approve it. */
    ErrorCode OWN_APPROVAL = ErrorCode.of("purchasing.own-approval", ErrorKind.FORBIDDEN);
    /** An order above the approval threshold needs role purchasing-approver (or admin). */
    ErrorCode APPROVER_REQUIRED = ErrorCode.of("purchasing.approver-required", ErrorKind.FORBIDDEN);
    /** More received than ordered, beyond the configured tolerance. */
    ErrorCode OVER_RECEIPT = ErrorCode.of("purchasing.over-receipt", ErrorKind.INVALID);
    /** The order's currency is not the one the inventory values stock in (no conversion yet). */
    ErrorCode STOCK_CURRENCY = ErrorCode.of("purchasing.stock-currency", ErrorKind.CONFLICT);
    ErrorCode BILL_NOT_FOUND = ErrorCode.of("purchasing.bill-not-found", ErrorKind.NOT_FOUND);
    /** The vendor's invoice number was entered before for the same vendor. */
    ErrorCode DUPLICATE_BILL = ErrorCode.of("purchasing.duplicate-bill", ErrorKind.CONFLICT);
    /** The bill's status does not allow the operation (e.g. paying a held bill, releasing a posted one). */
    ErrorCode BILL_STATE = ErrorCode.of("purchasing.bill-state", ErrorKind.CONFLICT);
    /** Who entered a held bill tried to release it. */
    ErrorCode OWN_RELEASE = ErrorCode.of("purchasing.own-release", ErrorKind.FORBIDDEN);
    /** Releasing a held bill needs role purchasing-approver (or admin). */
    ErrorCode RELEASE_APPROVER_REQUIRED = ErrorCode.of("purchasing.release-approver-required", ErrorKind.FORBIDDEN);
    ErrorCode PAYMENT_NOT_FOUND = ErrorCode.of("purchasing.payment-not-found", ErrorKind.NOT_FOUND);
    /** A payment above what a bill still owes. */
    ErrorCode OVERPAYMENT = ErrorCode.of("purchasing.overpayment", ErrorKind.INVALID);
    ErrorCode INVENTORY_UNAVAILABLE = ErrorCode.of("purchasing.inventory-unavailable", ErrorKind.UNAVAILABLE);
}
