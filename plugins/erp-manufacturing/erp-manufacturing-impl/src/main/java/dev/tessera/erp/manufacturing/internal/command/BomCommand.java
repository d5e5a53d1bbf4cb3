package dev.tessera.erp.manufacturing.internal.command;

import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.erp.manufacturing.api.Bom;
import dev.tessera.erp.manufacturing.api.ManufacturingErrors;
import dev.tessera.platform.api.TesseraException;

@Service
@Command(scope = "manufacturing", name = "bom", description = "Shows the revision of an item's bill of materials in force")
public class BomCommand extends ManufacturingAction {
    @Argument(index = 0, name = "sku", required = true, description = "The item made, e.g. GIFT-SET")
    String sku;

    @Option(name = "--date", description = "The day (YYYY-MM-DD) whose revision to show (today by default)")
    String date;

    @Override
    protected Object run() throws Exception {
        LocalDate day = date("--date", date);
        LocalDate on = day == null ? LocalDate.now() : day;
        Bom bom = boms.inForce(sku, on).orElseThrow(() -> new TesseraException(ManufacturingErrors.BOM_NOT_FOUND,
                sku + " has no bill of materials in force on " + on + " (manufacturing:boms --sku " + sku
                        + " lists its revisions)"));
        printBom(bom);
        return null;
    }
}
