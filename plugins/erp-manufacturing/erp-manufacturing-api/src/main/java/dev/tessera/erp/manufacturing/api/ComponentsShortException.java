package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tessera.platform.api.TesseraException;

/** A work order cannot be released: the warehouse lacks components; {@link #shortages()} names each. */
public class ComponentsShortException extends TesseraException {
    private static final long serialVersionUID = 1L;

    /** A component the work order needs more of than the warehouse has available. */
    public record Shortage(String sku, BigDecimal required, BigDecimal available, BigDecimal missing) {
    }

    private final transient List<Shortage> shortages;

    public ComponentsShortException(String message, List<Shortage> shortages) {
        super(ManufacturingErrors.COMPONENTS_SHORT, message);
        this.shortages = List.copyOf(shortages);
    }

    public List<Shortage> shortages() {
        return shortages;
    }

    @Override
    public Map<String, Object> details() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Shortage s : shortages) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("sku", s.sku());
            one.put("required", s.required());
            one.put("available", s.available());
            one.put("missing", s.missing());
            list.add(one);
        }
        return Map.of("shortages", list);
    }
}
