package dev.tessera.crm.pipeline.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.crm.pipeline.api.ActivityType;
import dev.tessera.crm.pipeline.api.NewOpportunity;
import dev.tessera.erp.inventory.api.event.InventoryEvents;
import dev.tessera.erp.inventory.api.event.PriceChanged;
import dev.tessera.erp.sales.api.event.BillingTerms;
import dev.tessera.erp.sales.api.event.ContractDelivered;
import dev.tessera.erp.sales.api.event.InvoiceDetails;
import dev.tessera.erp.sales.api.event.OrderDetails;
import dev.tessera.erp.sales.api.event.SalesEvents;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventInbox;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.event.EventSubscriber;
import dev.tessera.platform.api.event.EventType;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Sql;

/**
 * The pipeline's copies of what other modules own, kept from their events (durable cursor: events committed while the
 * pipeline is disabled arrive when it returns; each is applied once, in the same transaction as its inbox mark):
 * <ul>
 * <li>{@code inventory.price-list.price-changed}: open quotes with a catalog price of that item on that list become
 * stale;</li>
 * <li>{@code sales.sales-order.*}, {@code sales.invoice.*}: the order number and invoice status on the opportunity
 * and the account (read-only here);</li>
 * <li>{@code sales.contract.delivered}: a renewal deal and a task, due before the contract term ends;</li>
 * <li>{@code sales.customer-billing.updated}: the account's credit limit, payment terms and currency.</li>
 * </ul>
 */
@Component(service = EventSubscriber.class)
public final class ErpCopies implements EventSubscriber {
    static final String SUBSCRIBER_ID = "crm-pipeline.erp-copies";
    private static final Logger LOG = LoggerFactory.getLogger(ErpCopies.class);

    private final Transactions transactions;
    private final EventInbox inbox;
    private final PipelineStore store;

    @Activate
    public ErpCopies(@Reference Transactions transactions,
                     @Reference EventInbox inbox, @Reference EventPublisher events,
                     @Reference(target = "(tessera.module=crm-pipeline)") ModuleSchema schema,
                     PipelineConfig config) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.store = new PipelineStore(events, Settings.of(config));
    }

    @Override
    public String subscriberId() {
        return SUBSCRIBER_ID;
    }

    @Override
    public Set<String> topics() {
        return Set.of(InventoryEvents.PRICE_CHANGED.name(), SalesEvents.PREFIX + ".sales-order.*",
                SalesEvents.PREFIX + ".invoice.*", SalesEvents.PAYMENT_RECEIVED.name(),
                SalesEvents.CONTRACT_DELIVERED.name(), SalesEvents.BILLING_UPDATED.name());
    }

    @Override
    public void handle(DomainEvent event) {
        transactions.run(db -> {
            if (!inbox.firstDelivery(db, SUBSCRIBER_ID, event)) {
                return;
            }
            if (InventoryEvents.PRICE_CHANGED.is(event)) {
                priceChanged(db, InventoryEvents.PRICE_CHANGED.payload(event));
            } else if (ORDER_COPIES.stream().anyMatch(t -> t.is(event))) {
                order(db, ORDER_COPIES.stream().filter(t -> t.is(event)).findFirst().orElseThrow().payload(event));
            } else if (SalesEvents.CONTRACT_DELIVERED.is(event)) {
                renewal(db, event, SalesEvents.CONTRACT_DELIVERED.payload(event));
            } else if (SalesEvents.BILLING_UPDATED.is(event)) {
                billing(db, SalesEvents.BILLING_UPDATED.payload(event));
            } else if (SalesEvents.PAYMENT_RECEIVED.is(event)) {
                return; // the invoices it settled report their own status
            } else {
                INVOICE_COPIES.stream().filter(t -> t.is(event)).findFirst()
                        .ifPresent(type -> invoice(db, type.payload(event)));
            }
        });
    }

    /** The order events whose number the deal and the account show. */
    private static final List<EventType<OrderDetails>> ORDER_COPIES = List.of(SalesEvents.ORDER_CREATED,
            SalesEvents.ORDER_HELD, SalesEvents.ORDER_CONFIRMED, SalesEvents.ORDER_SHIPPED, SalesEvents.ORDER_CANCELLED);

    /** The invoice events whose number and status the deal and the account show. */
    private static final List<EventType<InvoiceDetails>> INVOICE_COPIES = List.of(SalesEvents.INVOICE_ISSUED,
            SalesEvents.INVOICE_PARTIALLY_PAID, SalesEvents.INVOICE_PAID, SalesEvents.INVOICE_CREDITED,
            SalesEvents.INVOICE_OVERDUE);

    /** Open quotes priced from that list at another price than the new one are stale, and say so. */
    private void priceChanged(Connection db, PriceChanged p) {
        int lines = Sql.execute(db, "UPDATE PIP_QUOTE_LINE SET STALE = TRUE WHERE SKU = ? AND PRICE_LIST = ?"
                + " AND PRICE_SOURCE = 'CATALOG' AND UNIT_PRICE <> ? AND QUOTE_ID IN (SELECT ID FROM PIP_QUOTE"
                + " WHERE STATUS = 'OPEN' AND CURRENCY = ?)", p.sku(), p.priceList(), p.unitPrice(), p.currency());
        if (lines > 0) {
            Sql.execute(db, "UPDATE PIP_QUOTE SET STALE = TRUE WHERE STATUS = 'OPEN' AND ID IN (SELECT QUOTE_ID"
                    + " FROM PIP_QUOTE_LINE WHERE STALE = TRUE)");
        }
    }

    /** The order number on the deal and the account. */
    private void order(Connection db, OrderDetails order) {
        if (order.opportunityId() != null) {
            Sql.execute(db, "UPDATE PIP_OPPORTUNITY SET ORDER_NUMBER = ? WHERE ID = ?", order.number(),
                    order.opportunityId());
        }
        Sql.execute(db, "UPDATE PIP_ACCOUNT SET LAST_ORDER = ? WHERE ID = ?", order.number(), order.accountId());
    }

    /** The invoice number and status (issued, partially-paid, paid, overdue, ...) on the deal and the account. */
    private void invoice(Connection db, InvoiceDetails invoice) {
        if (invoice.opportunityId() != null) {
            Sql.execute(db, "UPDATE PIP_OPPORTUNITY SET INVOICE_NUMBER = ?, INVOICE_STATUS = ? WHERE ID = ?",
                    invoice.number(), invoice.status(), invoice.opportunityId());
        }
        Sql.execute(db, "UPDATE PIP_ACCOUNT SET LAST_INVOICE = ?, INVOICE_STATUS = ? WHERE ID = ?", invoice.number(),
                invoice.status(), invoice.accountId());
    }

    /** The customer's credit limit, payment terms and currency, as sales keeps them: read-only here. */
    private void billing(Connection db, BillingTerms terms) {
        Map<String, Object> set = new java.util.LinkedHashMap<>();
        set.put("CREDIT_LIMIT", terms.creditLimit());
        set.put("PAYMENT_TERMS", terms.paymentTermsDays());
        set.put("BILLING_CURRENCY", terms.currency());
        Sql.update(db, "PIP_ACCOUNT", set, "ID = ?", terms.accountId());
    }

    /** One renewal deal per contract line, due at the term's end, with a task the configured days before. */
    private void renewal(Connection db, DomainEvent event, ContractDelivered contract) {
        String key = contract.orderNumber() + ":" + contract.line();
        if (contract.termEnd() == null || store.account(db, contract.accountId()).isEmpty()) {
            LOG.warn("{} {} names no known account or term end: no renewal made", event.type(), event.id());
            return;
        }
        if (Sql.row(db, "SELECT ID FROM PIP_OPPORTUNITY WHERE RENEWAL_KEY = ?", key) != null) {
            return;
        }
        String description = contract.description();
        BigDecimal amount = contract.amount();
        String currency = contract.currency();
        Long renewalOf = contract.opportunityId();
        String owner = renewalOf == null ? null : store.opportunity(db, renewalOf, java.time.Instant.now())
                .map(o -> o.owner()).orElse(null);
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        LocalDate termEnd = contract.termEnd();
        var deal = store.createOpportunity(db, new NewOpportunity(contract.accountId(), "Renewal: "
                + (description == null ? key : description), null, amount == null ? BigDecimal.ZERO : amount.setScale(
                currency == null ? 2 : Currency.getInstance(currency).getDefaultFractionDigits(),
                java.math.RoundingMode.HALF_UP), currency, termEnd.isBefore(today) ? today : termEnd, owner, "renewal"),
                null, renewalOf, key, today, "system:crm-pipeline");
        LocalDate due = termEnd.minusDays(store.settings().renewalLeadDays());
        store.insertActivity(db, ActivityType.TASK, "Renew " + (description == null ? "the contract" : description)
                + " before " + termEnd, "Order " + contract.orderNumber() + ", line " + contract.line(),
                contract.accountId(), null, null, deal.id(), owner, due.isBefore(today) ? today : due,
                "system:crm-pipeline");
    }
}
