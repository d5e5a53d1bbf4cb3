package dev.tessera.erp.sales.api;

import dev.tessera.platform.api.ErrorCode;
import dev.tessera.platform.api.ErrorKind;

/** Sales' error codes. */
public interface SalesErrors {
    ErrorCode INVALID = ErrorCode.of("sales.invalid", ErrorKind.INVALID);
    ErrorCode CUSTOMER_NOT_FOUND = ErrorCode.of("sales.customer-not-found", ErrorKind.NOT_FOUND);
    ErrorCode UNKNOWN_CUSTOMER = ErrorCode.of("sales.unknown-customer", ErrorKind.INVALID);
    ErrorCode ORDER_NOT_FOUND = ErrorCode.of("sales.order-not-found", ErrorKind.NOT_FOUND);
    ErrorCode INVOICE_NOT_FOUND = ErrorCode.of("sales.invoice-not-found", ErrorKind.NOT_FOUND);
    ErrorCode PAYMENT_NOT_FOUND = ErrorCode.of("sales.payment-not-found", ErrorKind.NOT_FOUND);
    ErrorCode ORDER_STATE = ErrorCode.of("sales.order-state", ErrorKind.CONFLICT);
    ErrorCode CREDIT_LIMIT_EXCEEDED = ErrorCode.of("sales.credit-limit-exceeded", ErrorKind.CONFLICT);
    ErrorCode OVER_SHIPMENT = ErrorCode.of("sales.over-shipment", ErrorKind.INVALID);
    ErrorCode NOTHING_TO_INVOICE = ErrorCode.of("sales.nothing-to-invoice", ErrorKind.CONFLICT);
    ErrorCode INVOICE_CLOSED = ErrorCode.of("sales.invoice-closed", ErrorKind.CONFLICT);
    ErrorCode CURRENCY_MISMATCH = ErrorCode.of("sales.currency-mismatch", ErrorKind.INVALID);
    ErrorCode TAX_UNAVAILABLE = ErrorCode.of("sales.tax-unavailable", ErrorKind.UNAVAILABLE);
    ErrorCode OVER_CREDIT = ErrorCode.of("sales.over-credit", ErrorKind.INVALID);
    ErrorCode INVENTORY_UNAVAILABLE = ErrorCode.of("sales.inventory-unavailable", ErrorKind.UNAVAILABLE);
}
