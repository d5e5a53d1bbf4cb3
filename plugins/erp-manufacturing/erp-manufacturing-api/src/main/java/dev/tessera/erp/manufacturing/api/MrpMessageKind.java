package dev.tessera.erp.manufacturing.api;

/**
 * What an MRP run asks of a planner besides its planned orders: EXPEDITE an order on its way that is due after the
 * day it is needed (within the rescheduling horizon) rather than order again; NOT_PLANNED, an item the run could not
 * plan (the reason says why; its previous planned orders stay).
 */
public enum MrpMessageKind {
    EXPEDITE, NOT_PLANNED
}
