package dev.tessera.crm.pipeline.api;

/** What kind of activity: tasks have a due date and are done or open. */
public enum ActivityType {
    CALL, EMAIL, MEETING, NOTE, TASK
}
