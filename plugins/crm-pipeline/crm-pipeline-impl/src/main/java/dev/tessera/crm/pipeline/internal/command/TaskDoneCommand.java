package dev.tessera.crm.pipeline.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "pipeline", name = "task-done", description = "Marks a task as done")
public class TaskDoneCommand extends PipelineAction {
    @Argument(index = 0, name = "task", required = true, description = "The task's id (see pipeline:overdue)")
    long id;

    @Override
    protected Object run() {
        deals.completeTask(id, user());
        System.out.println("Task " + id + " done");
        return null;
    }
}
