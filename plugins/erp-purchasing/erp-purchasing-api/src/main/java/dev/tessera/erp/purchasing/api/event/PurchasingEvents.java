package dev.tessera.erp.purchasing.api.event;

import java.util.Set;

import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.event.EventType;

/** The record types purchasing owns (vendors, purchase orders, vendor bills, vendor payments) and their events. */
public interface PurchasingEvents {
    String PREFIX = "purchasing";

    EventType<VendorDetails> VENDOR_CREATED = EventType.of(PREFIX, "vendor", "created", VendorDetails.class, 1,
            "A vendor was created");
    EventType<VendorDetails> VENDOR_CHANGED = EventType.of(PREFIX, "vendor", "changed", VendorDetails.class, 1,
            "A vendor's name, currency, terms, lead time, tax id or contact changed");
    EventType<VendorDetails> VENDOR_DEACTIVATED = EventType.of(PREFIX, "vendor", "deactivated", VendorDetails.class,
            1, "A vendor was deactivated: no new orders or price agreements");
    EventType<PriceAgreementDetails> PRICE_ADDED = EventType.of(PREFIX, "vendor", "price-added",
            PriceAgreementDetails.class, 1, "A vendor's price agreement for an item was added");
    EventType<PriceAgreementDetails> PRICE_ENDED = EventType.of(PREFIX, "vendor", "price-ended",
            PriceAgreementDetails.class, 1, "A vendor's price agreement for an item got its last day");

    EventType<OrderDetails> ORDER_CREATED = EventType.of(PREFIX, "purchase-order", "created", OrderDetails.class, 1,
            "A purchase order was drafted, with its gap-free number");
    EventType<OrderDetails> ORDER_CHANGED = EventType.of(PREFIX, "purchase-order", "changed", OrderDetails.class, 1,
            "A purchase order's lines, expected dates or note changed; an approved or sent one became a new revision,"
                    + " a draft to approve again");
    EventType<OrderDetails> ORDER_APPROVED = EventType.of(PREFIX, "purchase-order", "approved", OrderDetails.class, 1,
            "A purchase order was approved");
    EventType<OrderDetails> ORDER_SENT = EventType.of(PREFIX, "purchase-order", "sent", OrderDetails.class, 1,
            "A purchase order was sent to the vendor");
    EventType<ReceiptDetails> ORDER_RECEIVED = EventType.of(PREFIX, "purchase-order", "received",
            ReceiptDetails.class, 1, "Goods of a purchase order arrived, in part or in full, and went into stock");
    EventType<OrderDetails> ORDER_CANCELLED = EventType.of(PREFIX, "purchase-order", "cancelled", OrderDetails.class,
            1, "A purchase order was cancelled before anything was received");
    EventType<OrderDetails> ORDER_CLOSED = EventType.of(PREFIX, "purchase-order", "closed", OrderDetails.class, 1,
            "A purchase order was closed: received and billed, nothing more to come");

    EventType<OrderDetails> ORDER_BILLED = EventType.of(PREFIX, "purchase-order", "billed", OrderDetails.class, 1,
            "Everything a purchase order received was billed by posted vendor bills");

    EventType<BillDetails> BILL_POSTED = EventType.of(PREFIX, "vendor-bill", "posted", BillDetails.class, 1,
            "A vendor bill was posted to payables: it matched its order and receipts, or an approver released it"
                    + " from hold (releasedBy, releaseNote)");
    EventType<BillDetails> BILL_HELD = EventType.of(PREFIX, "vendor-bill", "held", BillDetails.class, 1,
            "A vendor bill did not match its order or receipts and is held, with the reason of each line");
    EventType<BillDetails> BILL_CANCELLED = EventType.of(PREFIX, "vendor-bill", "cancelled", BillDetails.class, 1,
            "A held vendor bill was cancelled: it posted nothing");
    EventType<PaymentDetails> PAYMENT_MADE = EventType.of(PREFIX, "vendor-payment", "made", PaymentDetails.class, 1,
            "A payment to a vendor settled one or several of its bills, in full or in part");

    RecordType VENDOR_BILL = BILL_POSTED.recordType();
    RecordType VENDOR_PAYMENT = PAYMENT_MADE.recordType();

    Set<RecordType> OWNS = Set.of(VENDOR_CREATED.recordType(), ORDER_CREATED.recordType(), VENDOR_BILL,
            VENDOR_PAYMENT);

    Set<EventType<?>> ALL = Set.of(VENDOR_CREATED, VENDOR_CHANGED, VENDOR_DEACTIVATED, PRICE_ADDED, PRICE_ENDED,
            ORDER_CREATED, ORDER_CHANGED, ORDER_APPROVED, ORDER_SENT, ORDER_RECEIVED, ORDER_CANCELLED, ORDER_CLOSED,
            ORDER_BILLED, BILL_POSTED, BILL_HELD, BILL_CANCELLED, PAYMENT_MADE);
}
