package dev.tessera.erp.sales.api.event;

import java.util.Set;

import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.event.EventType;

/** The record types sales owns and the events it publishes about them. */
public interface SalesEvents {
    String PREFIX = "sales";

    EventType<BillingTerms> BILLING_UPDATED = EventType.of(PREFIX, "customer-billing", "updated", BillingTerms.class,
            1, "A customer's billing terms changed: tax id, payment terms, credit limit, currency, address");
    EventType<OrderDetails> ORDER_CREATED = EventType.of(PREFIX, "sales-order", "created", OrderDetails.class, 1,
            "A sales order was made, as a draft (from an accepted quote, or entered)");
    EventType<OrderDetails> ORDER_HELD = EventType.of(PREFIX, "sales-order", "held", OrderDetails.class, 1,
            "An order could not be confirmed (credit limit, stock) and waits; its note says why");
    EventType<OrderDetails> ORDER_CONFIRMED = EventType.of(PREFIX, "sales-order", "confirmed", OrderDetails.class, 1,
            "An order was confirmed: credit checked, its stock reserved");
    EventType<OrderDetails> ORDER_SHIPPED = EventType.of(PREFIX, "sales-order", "shipped", OrderDetails.class, 1,
            "An order's stock lines were shipped, in part or in full");
    EventType<OrderDetails> ORDER_INVOICED = EventType.of(PREFIX, "sales-order", "invoiced", OrderDetails.class, 1,
            "Everything on an order is invoiced");
    EventType<OrderDetails> ORDER_PAID = EventType.of(PREFIX, "sales-order", "paid", OrderDetails.class, 1,
            "Every invoice of an order is settled");
    EventType<OrderDetails> ORDER_CANCELLED = EventType.of(PREFIX, "sales-order", "cancelled", OrderDetails.class, 1,
            "An order was cancelled and its reservations released");
    EventType<ShipmentDetails> SHIPMENT_CREATED = EventType.of(PREFIX, "shipment", "created", ShipmentDetails.class,
            1, "Goods of an order left the warehouse");
    EventType<InvoiceDetails> INVOICE_ISSUED = EventType.of(PREFIX, "invoice", "issued", InvoiceDetails.class, 1,
            "An invoice was issued with its gap-free number; issued invoices never change");
    EventType<InvoiceDetails> INVOICE_PARTIALLY_PAID = EventType.of(PREFIX, "invoice", "partially-paid",
            InvoiceDetails.class, 1, "A payment or credit note settled part of an invoice");
    EventType<InvoiceDetails> INVOICE_PAID = EventType.of(PREFIX, "invoice", "paid", InvoiceDetails.class, 1,
            "An invoice is settled in full");
    EventType<InvoiceDetails> INVOICE_CREDITED = EventType.of(PREFIX, "invoice", "credited", InvoiceDetails.class, 1,
            "Credit notes took an invoice back in full");
    EventType<InvoiceDetails> INVOICE_OVERDUE = EventType.of(PREFIX, "invoice", "overdue", InvoiceDetails.class, 1,
            "An invoice passed its due date with an amount open (once per invoice)");
    EventType<InvoiceDetails> CREDIT_NOTE_ISSUED = EventType.of(PREFIX, "credit-note", "issued", InvoiceDetails.class,
            1, "A credit note took (part of) an invoice back");
    EventType<PaymentDetails> PAYMENT_RECEIVED = EventType.of(PREFIX, "payment", "received", PaymentDetails.class, 1,
            "A customer's payment was recorded and applied to invoices, oldest first unless named");
    EventType<ContractDelivered> CONTRACT_DELIVERED = EventType.of(PREFIX, "contract", "delivered",
            ContractDelivered.class, 1, "A contract term started: an order line with a contract length was invoiced");

    Set<RecordType> OWNS = Set.of(BILLING_UPDATED.recordType(), ORDER_CREATED.recordType(),
            SHIPMENT_CREATED.recordType(), INVOICE_ISSUED.recordType(), CREDIT_NOTE_ISSUED.recordType(),
            PAYMENT_RECEIVED.recordType(), CONTRACT_DELIVERED.recordType());

    Set<EventType<?>> ALL = Set.of(BILLING_UPDATED, ORDER_CREATED, ORDER_HELD, ORDER_CONFIRMED, ORDER_SHIPPED,
            ORDER_INVOICED, ORDER_PAID, ORDER_CANCELLED, SHIPMENT_CREATED, INVOICE_ISSUED, INVOICE_PARTIALLY_PAID,
            INVOICE_PAID, INVOICE_CREDITED, INVOICE_OVERDUE, CREDIT_NOTE_ISSUED, PAYMENT_RECEIVED, CONTRACT_DELIVERED);
}
