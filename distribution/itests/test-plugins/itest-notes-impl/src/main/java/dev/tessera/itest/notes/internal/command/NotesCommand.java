package dev.tessera.itest.notes.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.itest.notes.api.NoteService;

@Service
@Command(scope = "itest", name = "notes", description = "Lists the notes (test module)")
public class NotesCommand implements Action {
    @Reference
    NoteService notes;

    @Override
    public Object execute() {
        notes.texts().forEach(System.out::println);
        return null;
    }
}
