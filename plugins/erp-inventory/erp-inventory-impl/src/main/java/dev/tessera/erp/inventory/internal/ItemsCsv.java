package dev.tessera.erp.inventory.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.tessera.erp.inventory.api.InventoryErrors;
import dev.tessera.erp.inventory.api.NewItem;
import dev.tessera.erp.inventory.api.ValuationMethod;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.support.Csv;

/**
 * Items as CSV: {@code sku,name,uom,category,valuation,standardCost,reorderPoint,reorderQuantity,lotTracked}
 * (RFC 4180 quoting, optional header line; the last six may be empty). Rows are numbered from 1 after the header.
 */
public final class ItemsCsv {
    private ItemsCsv() {
    }

    public static List<NewItem> parse(String text) {
        List<List<String>> records = Csv.records(text);
        if (!records.isEmpty() && records.get(0).get(0).trim().equalsIgnoreCase("sku")) {
            records.remove(0);
        }
        List<NewItem> items = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        int row = 0;
        for (List<String> f : records) {
            row++;
            String at = "rows[" + row + "].";
            if (f.size() < 3 || f.size() > 9) {
                errors.add(new FieldError("rows[" + row + "]", "has " + f.size() + " fields; a row is"
                        + " sku,name,uom[,category,valuation,standardCost,reorderPoint,reorderQuantity,lotTracked]"));
                items.add(null);
                continue;
            }
            ValuationMethod method = null;
            String valuation = Csv.field(f, 4);
            if (valuation != null) {
                try {
                    method = ValuationMethod.valueOf(valuation.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(at + "valuation", "'" + valuation + "' is not fifo, moving-average or standard"));
                }
            }
            String lot = Csv.field(f, 8);
            items.add(new NewItem(f.get(0).trim(), f.get(1).trim(), f.get(2).trim(), Csv.field(f, 3), lot != null
                    && lot.matches("(?i)yes|true|y"), method, number(f, 5, at + "standardCost", errors),
                    number(f, 6, at + "reorderPoint", errors), number(f, 7, at + "reorderQuantity", errors)));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(InventoryErrors.INVALID_IMPORT, "Nothing was imported: " + errors.size()
                    + " problem(s) in the file; fix them and import it again", errors);
        }
        return items;
    }

    private static BigDecimal number(List<String> f, int i, String name, List<FieldError> errors) {
        String value = Csv.field(f, i);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "'" + value + "' is not a number"));
            return null;
        }
    }
}
