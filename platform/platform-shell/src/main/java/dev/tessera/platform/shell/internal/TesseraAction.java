package dev.tessera.platform.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.platform.api.TesseraException;

/**
 * Base of the tessera commands: a refused operation ends the command with one line, its message and stable code,
 * and a non-zero exit status over {@code bin/client}. Karaf prints a {@link CommandException} without a stack trace
 * and does not log it as an error: the service that refused the operation has logged why.
 */
abstract class TesseraAction implements Action {

    @Override
    public final Object execute() throws Exception {
        try {
            return run();
        } catch (TesseraException e) {
            throw new CommandException(e.getMessage() + " [" + e.code() + "]");
        }
    }

    protected abstract Object run() throws Exception;

    /**
     * Commands that need the database hold their service as an optional reference, so that the whole tessera scope
     * stays available (Karaf registers a bundle's commands only when every mandatory reference is there) and the
     * command itself says why it cannot answer.
     */
    static <T> T available(T service, String what) throws CommandException {
        if (service == null) {
            throw new CommandException(what + " is not available: the database cannot be used now; tessera:health says why");
        }
        return service;
    }
}
