package dev.tessera.platform.support.console;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;

/**
 * Base of the modules' console commands: a refusal ends the command with its message, each wrong field on a line of
 * its own, and the stable code; the user running it is the actor of what it writes.
 */
public abstract class ConsoleAction implements Action {
    @Reference
    protected Session session;

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

    /** Who runs the command. */
    protected String user() {
        Object user = session == null ? null : session.get("USER");
        return user == null ? "console" : user.toString();
    }

    protected static BigDecimal number(String name, String value) throws CommandException {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new CommandException(name + " must be a number such as 12.5, not '" + shown(value) + "'"
                    + " [platform.invalid-argument]");
        }
    }

    protected static LocalDate date(String name, String value) throws CommandException {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new CommandException(name + " must be a date as YYYY-MM-DD, not '" + shown(value) + "'"
                    + " [platform.invalid-argument]");
        }
    }

    /** What the user typed, cut short when it is long. */
    protected static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }

    /** A file to import, as text. */
    protected static String read(String file) throws CommandException {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandException("Cannot read " + file + ": " + e.getMessage());
        }
    }
}
