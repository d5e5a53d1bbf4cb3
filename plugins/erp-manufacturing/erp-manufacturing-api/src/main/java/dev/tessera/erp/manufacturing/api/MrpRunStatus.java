package dev.tessera.erp.manufacturing.api;

/** Where an MRP run is: RUNNING (items planned so far in its progress), FINISHED (its plan replaced the last), FAILED. */
public enum MrpRunStatus {
    RUNNING, FINISHED, FAILED
}
