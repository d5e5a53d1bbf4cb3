package dev.tessera.erp.inventory.api;

import dev.tessera.platform.api.ErrorCode;
import dev.tessera.platform.api.ErrorKind;

/** The inventory's error codes. */
public interface InventoryErrors {
    ErrorCode INSUFFICIENT_STOCK = ErrorCode.of("inventory.insufficient-stock", ErrorKind.CONFLICT);
    ErrorCode INVALID = ErrorCode.of("inventory.invalid", ErrorKind.INVALID);
    ErrorCode UNKNOWN_ITEM = ErrorCode.of("inventory.unknown-item", ErrorKind.INVALID);
    ErrorCode ITEM_NOT_FOUND = ErrorCode.of("inventory.item-not-found", ErrorKind.NOT_FOUND);
    ErrorCode ITEM_INACTIVE = ErrorCode.of("inventory.item-inactive", ErrorKind.INVALID);
    ErrorCode DUPLICATE_ITEM = ErrorCode.of("inventory.duplicate-item", ErrorKind.CONFLICT);
    ErrorCode UNKNOWN_WAREHOUSE = ErrorCode.of("inventory.unknown-warehouse", ErrorKind.INVALID);
    ErrorCode WAREHOUSE_NOT_FOUND = ErrorCode.of("inventory.warehouse-not-found", ErrorKind.NOT_FOUND);
    ErrorCode DUPLICATE_WAREHOUSE = ErrorCode.of("inventory.duplicate-warehouse", ErrorKind.CONFLICT);
    ErrorCode UNKNOWN_LOCATION = ErrorCode.of("inventory.unknown-location", ErrorKind.INVALID);
    ErrorCode LOT_REQUIRED = ErrorCode.of("inventory.lot-required", ErrorKind.INVALID);
    ErrorCode RESERVATION_NOT_FOUND = ErrorCode.of("inventory.reservation-not-found", ErrorKind.NOT_FOUND);
    ErrorCode RESERVATION_CLOSED = ErrorCode.of("inventory.reservation-closed", ErrorKind.CONFLICT);
    ErrorCode INVALID_IMPORT = ErrorCode.of("inventory.invalid-import", ErrorKind.INVALID);
    ErrorCode DUPLICATE_PRICE_LIST = ErrorCode.of("inventory.duplicate-price-list", ErrorKind.CONFLICT);
    ErrorCode PRICE_NOT_FOUND = ErrorCode.of("inventory.price-not-found", ErrorKind.NOT_FOUND);
    /** A stock move that does not exist (e.g. the receipt a vendor bill revalues). */
    ErrorCode MOVE_NOT_FOUND = ErrorCode.of("inventory.move-not-found", ErrorKind.NOT_FOUND);
    ErrorCode UNKNOWN_PRICE_LIST = ErrorCode.of("inventory.unknown-price-list", ErrorKind.INVALID);
}
