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
}
