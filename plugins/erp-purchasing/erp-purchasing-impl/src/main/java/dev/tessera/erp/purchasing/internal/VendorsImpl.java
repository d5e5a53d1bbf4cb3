package dev.tessera.erp.purchasing.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.inventory.api.Item;
import dev.tessera.erp.purchasing.api.NewPriceAgreement;
import dev.tessera.erp.purchasing.api.NewVendor;
import dev.tessera.erp.purchasing.api.PriceAgreement;
import dev.tessera.erp.purchasing.api.PurchasingErrors;
import dev.tessera.erp.purchasing.api.Vendor;
import dev.tessera.erp.purchasing.api.VendorChanges;
import dev.tessera.erp.purchasing.api.VendorChoice;
import dev.tessera.erp.purchasing.api.Vendors;
import dev.tessera.erp.purchasing.api.event.PurchasingEvents;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ModuleManager;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Changes;
import dev.tessera.platform.support.Neighbours;
import dev.tessera.platform.support.Sql;

/**
 * Vendors and their price agreements. Agreements name items of the inventory's catalog, checked while the inventory
 * is enabled (an optional, dynamic neighbour).
 */
@Component(service = {Vendors.class, VendorsImpl.class}, configurationPid = VendorsImpl.PID)
@Designate(ocd = PurchasingConfig.class)
public final class VendorsImpl implements Vendors {
    static final String PID = "dev.tessera.erp.purchasing";

    private final Transactions transactions;
    private final EventPublisher events;
    private final ModuleManager modules;
    private final Settings settings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Catalog catalog;

    @Activate
    public VendorsImpl(@Reference Transactions transactions, @Reference EventPublisher events,
                       @Reference(target = "(tessera.module=erp-purchasing)") ModuleSchema schema,
                       @Reference ModuleManager modules, PurchasingConfig config) {
        this.transactions = transactions;
        this.events = events;
        this.modules = modules;
        this.settings = Settings.of(config);
    }

    Settings settings() {
        return settings;
    }

    @Override
    public List<Vendor> vendors(Boolean active, long afterId, int limit) {
        Sql.Where where = new Sql.Where("ID > ?", afterId).and("ACTIVE", active);
        return transactions.required(db -> VendorStore.vendors(db, where, limit));
    }

    @Override
    public Optional<Vendor> vendor(long id) {
        return transactions.required(db -> VendorStore.vendor(db, id));
    }

    @Override
    public Optional<Vendor> vendorByCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return transactions.required(db -> VendorStore.vendorByCode(db, code));
    }

    // ================================================================ vendors

    @Override
    public Vendor createVendor(NewVendor in, String actor) {
        if (in == null) {
            throw new ValidationException(PurchasingErrors.INVALID, "The vendor is required",
                    List.of(new FieldError("code", "is required"), new FieldError("name", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        String code = Checks.vendorCode(in.code(), "code", errors);
        String name = Changes.text(in.name(), "name", 200, true, errors);
        Currency currency = in.currency() == null ? settings.currency()
                : Checks.currency(in.currency(), "currency", errors);
        Integer terms = Checks.days(in.paymentTermsDays(), "paymentTermsDays", errors);
        Integer lead = Checks.days(in.leadTimeDays(), "leadTimeDays", errors);
        String taxId = Changes.text(in.taxId(), "taxId", 50, false, errors);
        String contact = Changes.text(in.contactName(), "contactName", 200, false, errors);
        String email = Checks.email(in.contactEmail(), "contactEmail", errors);
        ValidationException.throwIfAny(PurchasingErrors.INVALID, "The vendor", errors);
        return transactions.required(db -> {
            if (VendorStore.vendorByCode(db, code).isPresent()) {
                throw new TesseraException(PurchasingErrors.DUPLICATE_VENDOR, "A vendor with code " + code
                        + " exists already (purchasing:vendor " + code + ")");
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("CODE", code);
            row.put("NAME", name);
            row.put("CURRENCY", currency.getCurrencyCode());
            row.put("PAYMENT_TERMS", terms == null ? settings.paymentTermsDays() : terms);
            row.put("TAX_ID", taxId);
            row.put("LEAD_TIME_DAYS", lead == null ? settings.leadTimeDays() : lead);
            row.put("CONTACT_NAME", contact);
            row.put("CONTACT_EMAIL", email);
            long id = VendorStore.insertVendor(db, row, actor);
            Vendor created = VendorStore.requireVendor(db, id);
            events.publish(db, PurchasingEvents.VENDOR_CREATED.created(Long.toString(id), actor,
                    VendorStore.details(created)));
            return created;
        });
    }

    @Override
    public Vendor updateVendor(long id, VendorChanges in, String actor) {
        if (in == null) {
            throw new ValidationException(PurchasingErrors.INVALID, "The changes are required",
                    List.of(new FieldError("(body)", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> set = new LinkedHashMap<>();
        if (in.name() != null) {
            set.put("NAME", Changes.text(in.name(), "name", 200, true, errors));
        }
        Currency currency = in.currency() == null ? null : Checks.currency(in.currency(), "currency", errors);
        if (in.paymentTermsDays() != null) {
            set.put("PAYMENT_TERMS", Checks.days(in.paymentTermsDays(), "paymentTermsDays", errors));
        }
        if (in.leadTimeDays() != null) {
            set.put("LEAD_TIME_DAYS", Checks.days(in.leadTimeDays(), "leadTimeDays", errors));
        }
        if (in.taxId() != null) {
            set.put("TAX_ID", Changes.text(in.taxId(), "taxId", 50, false, errors));
        }
        if (in.contactName() != null) {
            set.put("CONTACT_NAME", Changes.text(in.contactName(), "contactName", 200, false, errors));
        }
        if (in.contactEmail() != null) {
            set.put("CONTACT_EMAIL", Checks.email(in.contactEmail(), "contactEmail", errors));
        }
        ValidationException.throwIfAny(PurchasingErrors.INVALID, "The vendor", errors);
        return transactions.required(db -> {
            VendorStore.lockVendor(db, id);
            Vendor before = VendorStore.requireVendor(db, id);
            if (currency != null && !currency.getCurrencyCode().equals(before.currency())) {
                if (VendorStore.inUse(db, id, LocalDate.now())) {
                    throw new TesseraException(PurchasingErrors.VENDOR_IN_USE, "Vendor " + before.code() + " has price"
                            + " agreements in force or open orders in " + before.currency() + "; end them before"
                            + " changing its currency to " + currency.getCurrencyCode());
                }
                set.put("CURRENCY", currency.getCurrencyCode());
            }
            return change(db, before, set, PurchasingEvents.VENDOR_CHANGED, actor);
        });
    }

    @Override
    public Vendor deactivate(long id, String actor) {
        return transactions.required(db -> {
            VendorStore.lockVendor(db, id);
            Vendor before = VendorStore.requireVendor(db, id);
            if (!before.active()) {
                return before;
            }
            return change(db, before, Map.of("ACTIVE", false), PurchasingEvents.VENDOR_DEACTIVATED, actor);
        });
    }

    private Vendor change(Connection db, Vendor before, Map<String, Object> set,
                          dev.tessera.platform.api.event.EventType<dev.tessera.erp.purchasing.api.event.VendorDetails> type,
                          String actor) {
        if (set.isEmpty()) {
            return before;
        }
        VendorStore.updateVendor(db, before, set);
        Vendor after = VendorStore.requireVendor(db, before.id());
        if (!VendorStore.details(before).equals(VendorStore.details(after))) {
            events.publish(db, type.changed(Long.toString(after.id()), after.version(), actor,
                    VendorStore.details(before), VendorStore.details(after)));
        }
        return after;
    }

    /** The vendor a document names, by id or code, in the caller's transaction. */
    Vendor require(Connection db, Long id, String code) {
        if (id == null && (code == null || code.isBlank())) {
            throw new ValidationException(PurchasingErrors.INVALID, "Name the vendor", List.of(
                    new FieldError("vendorId", "is required (or vendorCode)")));
        }
        Optional<Vendor> vendor = id != null ? VendorStore.vendor(db, id) : VendorStore.vendorByCode(db, code);
        String field = id != null ? "vendorId" : "vendorCode";
        return vendor.orElseThrow(() -> new ValidationException(PurchasingErrors.UNKNOWN_VENDOR, "No vendor "
                + (id != null ? id : code), List.of(new FieldError(field, "is not a known vendor"))));
    }

    // ================================================================ price agreements

    @Override
    public PriceAgreement addPrice(long vendorId, NewPriceAgreement in, String actor) {
        if (in == null) {
            throw new ValidationException(PurchasingErrors.INVALID, "The price agreement is required",
                    List.of(new FieldError("sku", "is required"), new FieldError("price", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        String sku = Checks.code(in.sku(), Checks.SKU, "sku", "MUG-1", errors);
        if (sku == null) {
            errors.add(new FieldError("sku", "is required"));
        }
        if (in.price() == null) {
            errors.add(new FieldError("price", "is required"));
        }
        Checks.price(in.price(), "price", errors);
        Currency currency = in.currency() == null ? null : Checks.currency(in.currency(), "currency", errors);
        if (in.minQuantity() != null && (in.minQuantity().signum() <= 0
                || in.minQuantity().stripTrailingZeros().scale() > 4)) {
            errors.add(new FieldError("minQuantity", "must be greater than zero with at most 4 decimals (leave it out"
                    + " for any quantity)"));
        }
        Checks.days(in.leadTimeDays(), "leadTimeDays", errors);
        LocalDate from = in.validFrom() == null ? LocalDate.now() : in.validFrom();
        if (in.validTo() != null && in.validTo().isBefore(from)) {
            errors.add(new FieldError("validTo", "must be on or after validFrom (" + from + ")"));
        }
        ValidationException.throwIfAny(PurchasingErrors.INVALID, "The price agreement", errors);
        Catalog items = Neighbours.optional(catalog, "erp-inventory", modules);
        return transactions.required(db -> {
            VendorStore.lockVendor(db, vendorId);
            Vendor vendor = VendorStore.requireVendor(db, vendorId);
            if (!vendor.active()) {
                throw new TesseraException(PurchasingErrors.VENDOR_INACTIVE, "Vendor " + vendor.code()
                        + " is deactivated; it gets no new price agreements");
            }
            if (currency != null && !currency.getCurrencyCode().equals(vendor.currency())) {
                throw new ValidationException(PurchasingErrors.CURRENCY_MISMATCH, "Vendor " + vendor.code() + " sells"
                        + " in " + vendor.currency(), List.of(new FieldError("currency", "must be the vendor's"
                        + " currency " + vendor.currency() + ", not " + currency.getCurrencyCode())));
            }
            String known = sku;
            if (items != null) {
                Item item = items.item(sku).orElseThrow(() -> new ValidationException(PurchasingErrors.UNKNOWN_ITEM,
                        "No item " + sku + " in the catalog", List.of(new FieldError("sku", "'" + sku
                        + "' is not an item of the inventory's catalog (inventory:items)"))));
                known = item.sku();
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("VENDOR_ID", vendorId);
            row.put("SKU", known);
            row.put("PRICE", in.price());
            row.put("CURRENCY", vendor.currency());
            row.put("MIN_QUANTITY", in.minQuantity() == null ? BigDecimal.ZERO : in.minQuantity());
            row.put("LEAD_TIME_DAYS", in.leadTimeDays());
            row.put("VALID_FROM", from);
            row.put("VALID_TO", in.validTo());
            long id = VendorStore.insertPrice(db, row, actor);
            PriceAgreement added = VendorStore.price(db, id).orElseThrow();
            events.publish(db, PurchasingEvents.PRICE_ADDED.event(Long.toString(vendorId), vendor.version(), actor,
                    VendorStore.details(added), Changes.created(Map.of("priceAgreement", id))));
            return added;
        });
    }

    @Override
    public List<PriceAgreement> prices(long vendorId, String sku, boolean includeEnded) {
        return transactions.required(db -> {
            VendorStore.requireVendor(db, vendorId);
            return VendorStore.prices(db, vendorId, sku == null || sku.isBlank() ? null : sku.trim(),
                    includeEnded ? null : LocalDate.now());
        });
    }

    @Override
    public PriceAgreement endPrice(long vendorId, long agreementId, LocalDate validTo, String actor) {
        LocalDate last = validTo == null ? LocalDate.now() : validTo;
        return transactions.required(db -> {
            VendorStore.lockVendor(db, vendorId);
            Vendor vendor = VendorStore.requireVendor(db, vendorId);
            PriceAgreement before = VendorStore.price(db, agreementId).filter(p -> p.vendorId() == vendorId)
                    .orElseThrow(() -> new TesseraException(PurchasingErrors.PRICE_NOT_FOUND, "Vendor "
                            + vendor.code() + " has no price agreement " + agreementId));
            if (last.isBefore(before.validFrom().minusDays(1))) {
                throw new ValidationException(PurchasingErrors.INVALID, "An agreement ends on or after the day before"
                        + " it starts", List.of(new FieldError("validTo", "must be " + before.validFrom().minusDays(1)
                        + " or later (the day before it starts voids it)")));
            }
            if (before.validTo() != null && !last.isBefore(before.validTo())) {
                return before; // it ends that day or earlier already
            }
            VendorStore.endPrice(db, agreementId, last);
            PriceAgreement after = VendorStore.price(db, agreementId).orElseThrow();
            events.publish(db, PurchasingEvents.PRICE_ENDED.event(Long.toString(vendorId), vendor.version(), actor,
                    VendorStore.details(after), Changes.diff(Map.of("validTo", String.valueOf(before.validTo())),
                            Map.of("validTo", last.toString()))));
            return after;
        });
    }

    @Override
    public Optional<PriceAgreement> priceFor(long vendorId, String sku, BigDecimal quantity, LocalDate orderDate) {
        return transactions.required(db -> priceFor(db, vendorId, sku, quantity, orderDate));
    }

    @Override
    public Optional<VendorChoice> preferredVendor(String sku, BigDecimal quantity, LocalDate day) {
        if (sku == null || quantity == null || quantity.signum() <= 0 || day == null) {
            return Optional.empty();
        }
        return transactions.required(db -> PreferredVendor.choose(VendorStore.agreementsFor(db, sku.trim(), day),
                quantity, day)).map(c -> new VendorChoice(c.vendor().id(), c.vendor().code(), c.quantity(),
                c.agreement(), c.leadTime()));
    }

    /** The agreement a line uses, in the caller's transaction. */
    Optional<PriceAgreement> priceFor(Connection db, long vendorId, String sku, BigDecimal quantity, LocalDate day) {
        if (sku == null || quantity == null || day == null) {
            return Optional.empty();
        }
        return PriceChoice.best(VendorStore.prices(db, vendorId, sku, day), quantity, day);
    }
}
