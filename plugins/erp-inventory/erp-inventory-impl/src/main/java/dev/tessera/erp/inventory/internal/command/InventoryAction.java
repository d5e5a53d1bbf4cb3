package dev.tessera.erp.inventory.internal.command;

import java.math.BigDecimal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.inventory.api.StockMove;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;

/** Base of the inventory commands: a refusal ends the command with its message, the wrong fields and the code. */
abstract class InventoryAction implements Action {
    @Reference
    StockService stock;

    @Reference
    Catalog catalog;

    @Reference
    Session session;

    @Override
    public final Object execute() throws Exception {
        try {
            return run();
        } catch (ValidationException e) {
            for (FieldError error : e.errors()) {
                System.out.println("  " + error.field() + ": " + error.message());
            }
            throw new CommandException(e.getMessage() + " [" + e.code() + "]");
        } catch (TesseraException e) {
            throw new CommandException(e.getMessage() + " [" + e.code() + "]");
        }
    }

    protected abstract Object run() throws Exception;

    String user() {
        Object user = session == null ? null : session.get("USER");
        return user == null ? "console" : user.toString();
    }

    static BigDecimal number(String name, String value) throws CommandException {
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new CommandException(name + " must be a number such as 12.5, not '" + value + "'");
        }
    }

    static void print(StockMove move) {
        System.out.println(move.type().name().toLowerCase() + " " + move.id() + ": " + move.quantity().toPlainString()
                + " " + move.sku() + " at " + move.warehouse() + "/" + move.location()
                + (move.toWarehouse() == null ? "" : " to " + move.toWarehouse() + "/" + move.toLocation())
                + (move.lot() == null ? "" : " lot " + move.lot()) + ", value " + move.value().toPlainString()
                + (move.variance().signum() == 0 ? "" : ", variance " + move.variance().toPlainString()));
    }
}
