package dev.tessera.itest.notes.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.itest.notes.api.NoteService;

@Service
@Command(scope = "itest", name = "note-add", description = "Adds a note (test module)")
public class NoteAddCommand implements Action {
    @Reference
    NoteService notes;

    @Argument(index = 0, name = "text", required = true)
    String text;

    @Override
    public Object execute() {
        System.out.println("Note " + notes.create(text));
        return null;
    }
}
