package dev.tessera.erp.inventory.internal.command;

import org.apache.karaf.shell.api.action.lifecycle.Reference;

import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.inventory.api.StockMove;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.platform.support.console.ConsoleAction;

/** Base of the module's commands: its services and how they print what they show (refusals: ConsoleAction). */
abstract class InventoryAction extends ConsoleAction {
    @Reference
    StockService stock;

    @Reference
    Catalog catalog;

    static void print(StockMove move) {
        System.out.println(move.type().name().toLowerCase() + " " + move.id() + ": " + move.quantity().toPlainString()
                + " " + move.sku() + " at " + move.warehouse() + "/" + move.location()
                + (move.toWarehouse() == null ? "" : " to " + move.toWarehouse() + "/" + move.toLocation())
                + (move.lot() == null ? "" : " lot " + move.lot()) + ", value " + move.value().toPlainString()
                + (move.variance().signum() == 0 ? "" : ", variance " + move.variance().toPlainString()));
    }
}
