package dev.tessera.crm.pipeline.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.crm.pipeline.api.ActivityType;
import dev.tessera.crm.pipeline.api.NewOpportunity;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventInbox;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.event.EventSubscriber;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Sql;

/**
 * The pipeline's copies of what other modules own, kept from their events (durable cursor: events committed while the
 * pipeline is disabled arrive when it returns; each is applied once, in the same transaction as its inbox mark):
 * <ul>
 * <li>{@code inventory.price.changed}: open quotes with a catalog price of that item on that list become stale;</li>
 * <li>{@code sales.order.*}, {@code sales.invoice.*}, {@code sales.payment.received}: the order number and invoice
 * status on the opportunity and the account (read-only here);</li>
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
        return Set.of("inventory.price.changed", "sales.order.*", "sales.invoice.*", "sales.payment.received",
                "sales.contract.delivered", "sales.customer-billing.updated");
    }

    @Override
    public void handle(DomainEvent event) {
        transactions.run(db -> {
            if (!inbox.firstDelivery(db, SUBSCRIBER_ID, event)) {
                return;
            }
            Map<String, Object> p = event.payload();
            switch (event.type()) {
                case "inventory.price.changed" -> priceChanged(db, p);
                case "sales.order.created", "sales.order.confirmed", "sales.order.shipped", "sales.order.cancelled" ->
                        order(db, p);
                case "sales.contract.delivered" -> renewal(db, event);
                case "sales.customer-billing.updated" -> billing(db, p);
                default -> {
                    if (event.type().startsWith("sales.invoice.") || event.type().equals("sales.payment.received")) {
                        invoice(db, event);
                    }
                }
            }
        });
    }

    /** Open quotes priced from that list at another price than the new one are stale, and say so. */
    private void priceChanged(Connection db, Map<String, Object> p) {
        String sku = text(p.get("sku"));
        String list = text(p.get("priceList"));
        String currency = text(p.get("currency"));
        BigDecimal price = decimal(p.get("unitPrice"));
        if (sku == null || list == null || currency == null || price == null) {
            LOG.warn("inventory.price.changed without sku, priceList, currency and unitPrice: {}", p);
            return;
        }
        int lines = Sql.execute(db, "UPDATE PIP_QUOTE_LINE SET STALE = TRUE WHERE SKU = ? AND PRICE_LIST = ?"
                + " AND PRICE_SOURCE = 'CATALOG' AND UNIT_PRICE <> ? AND QUOTE_ID IN (SELECT ID FROM PIP_QUOTE"
                + " WHERE STATUS = 'OPEN' AND CURRENCY = ?)", sku, list, price, currency);
        if (lines > 0) {
            Sql.execute(db, "UPDATE PIP_QUOTE SET STALE = TRUE WHERE STATUS = 'OPEN' AND ID IN (SELECT QUOTE_ID"
                    + " FROM PIP_QUOTE_LINE WHERE STALE = TRUE)");
        }
    }

    /** The order number on the deal and the account. */
    private void order(Connection db, Map<String, Object> p) {
        String number = text(p.get("number"));
        if (number == null) {
            return;
        }
        Long deal = id(p.get("opportunityId"));
        Long account = id(p.get("accountId"));
        if (deal != null) {
            Sql.execute(db, "UPDATE PIP_OPPORTUNITY SET ORDER_NUMBER = ? WHERE ID = ?", number, deal);
        }
        if (account != null) {
            Sql.execute(db, "UPDATE PIP_ACCOUNT SET LAST_ORDER = ? WHERE ID = ?", number, account);
        }
    }

    /** The invoice number and status (issued, partially-paid, paid, overdue, ...) on the deal and the account. */
    private void invoice(Connection db, DomainEvent event) {
        Map<String, Object> p = event.payload();
        String number = text(p.containsKey("invoiceNumber") ? p.get("invoiceNumber") : p.get("number"));
        String status = text(p.containsKey("invoiceStatus") ? p.get("invoiceStatus") : p.get("status"));
        if (number == null) {
            return;
        }
        if (status == null) {
            status = event.type().substring(event.type().lastIndexOf('.') + 1);
        }
        status = status.toLowerCase(java.util.Locale.ROOT);
        Long deal = id(p.get("opportunityId"));
        Long account = id(p.get("accountId"));
        if (deal != null) {
            Sql.execute(db, "UPDATE PIP_OPPORTUNITY SET INVOICE_NUMBER = ?, INVOICE_STATUS = ? WHERE ID = ?", number,
                    status, deal);
        }
        if (account != null) {
            Sql.execute(db, "UPDATE PIP_ACCOUNT SET LAST_INVOICE = ?, INVOICE_STATUS = ? WHERE ID = ?", number,
                    status, account);
        }
    }

    /** The customer's credit limit, payment terms and currency, as sales keeps them: read-only here. */
    private void billing(Connection db, Map<String, Object> p) {
        Long account = id(p.get("accountId"));
        if (account == null) {
            return;
        }
        Map<String, Object> set = new java.util.LinkedHashMap<>();
        set.put("CREDIT_LIMIT", decimal(p.get("creditLimit")));
        set.put("PAYMENT_TERMS", id(p.get("paymentTermsDays")) == null ? null : id(p.get("paymentTermsDays")).intValue());
        set.put("BILLING_CURRENCY", text(p.get("currency")));
        Sql.update(db, "PIP_ACCOUNT", set, "ID = ?", account);
    }

    /** One renewal deal per contract line, due at the term's end, with a task the configured days before. */
    private void renewal(Connection db, DomainEvent event) {
        Map<String, Object> p = event.payload();
        Long account = id(p.get("accountId"));
        LocalDate termEnd = p.get("termEnd") == null ? null : LocalDate.parse(text(p.get("termEnd")));
        String key = text(p.get("orderNumber")) + ":" + text(p.get("line"));
        if (account == null || termEnd == null || store.account(db, account).isEmpty()) {
            LOG.warn("sales.contract.delivered {} names no known account or term end: no renewal made", event.id());
            return;
        }
        if (Sql.row(db, "SELECT ID FROM PIP_OPPORTUNITY WHERE RENEWAL_KEY = ?", key) != null) {
            return;
        }
        String description = text(p.get("description"));
        BigDecimal amount = decimal(p.get("amount"));
        String currency = text(p.get("currency"));
        Long renewalOf = id(p.get("opportunityId"));
        String owner = renewalOf == null ? null : store.opportunity(db, renewalOf, java.time.Instant.now())
                .map(o -> o.owner()).orElse(null);
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        var deal = store.createOpportunity(db, new NewOpportunity(account, "Renewal: " + (description == null
                ? key : description), null, amount == null ? BigDecimal.ZERO : amount.setScale(
                currency == null ? 2 : Currency.getInstance(currency).getDefaultFractionDigits(),
                java.math.RoundingMode.HALF_UP), currency, termEnd.isBefore(today) ? today : termEnd, owner, "renewal"),
                null, renewalOf, key, today, "system:crm-pipeline");
        LocalDate due = termEnd.minusDays(store.settings().renewalLeadDays());
        store.insertActivity(db, ActivityType.TASK, "Renew " + (description == null ? "the contract" : description)
                + " before " + termEnd, "Order " + text(p.get("orderNumber")) + ", line " + text(p.get("line")),
                account, null, null, deal.id(), owner, due.isBefore(today) ? today : due, "system:crm-pipeline");
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    private static Long id(Object value) {
        String text = text(value);
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal decimal(Object value) {
        String text = text(value);
        try {
            return text == null ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
