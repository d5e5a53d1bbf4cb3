package dev.tessera.erp.manufacturing.api.event;

import java.util.Set;

import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.event.EventType;

/** The record types manufacturing owns (work centers, bills of materials, work orders, planned
 * orders) and their events. */
public interface ManufacturingEvents {
    String PREFIX = "manufacturing";

    EventType<WorkCenterDetails> WORK_CENTER_CREATED = EventType.of(PREFIX, "work-center", "created",
            WorkCenterDetails.class, 1, "A work center was created");
    EventType<WorkCenterDetails> WORK_CENTER_CHANGED = EventType.of(PREFIX, "work-center", "changed",
            WorkCenterDetails.class, 1, "A work center's name, cost rates or hours per day changed");
    EventType<WorkCenterDetails> WORK_CENTER_DEACTIVATED = EventType.of(PREFIX, "work-center", "deactivated",
            WorkCenterDetails.class, 1, "A work center was deactivated: new bills of materials cannot use it");
    EventType<BomDetails> BOM_CREATED = EventType.of(PREFIX, "bom", "created", BomDetails.class, 1,
            "A revision of an item's bill of materials was made; it is in force from its effective date");

    EventType<WorkOrderDetails> WORK_ORDER_CREATED = EventType.of(PREFIX, "work-order", "created",
            WorkOrderDetails.class, 1, "A work order was planned, with its gap-free number and standard unit cost");
    EventType<WorkOrderDetails> WORK_ORDER_RELEASED = EventType.of(PREFIX, "work-order", "released",
            WorkOrderDetails.class, 1, "A work order was released: its components are reserved in its warehouse");
    EventType<WorkOrderDetails> WORK_ORDER_ISSUED = EventType.of(PREFIX, "work-order", "issued",
            WorkOrderDetails.class, 1, "Components (or scrap) were issued to a work order from stock");
    EventType<WorkOrderCosts> WORK_ORDER_TIME_RECORDED = EventType.of(PREFIX, "work-order", "time-recorded",
            WorkOrderCosts.class, 1, "Hours of a work order's operations were recorded, at their work centers' cost");
    EventType<WorkOrderDetails> WORK_ORDER_COMPLETED = EventType.of(PREFIX, "work-order", "completed",
            WorkOrderDetails.class, 1, "Finished goods of a work order went into stock, in part or in full");
    EventType<WorkOrderCosts> WORK_ORDER_CLOSED = EventType.of(PREFIX, "work-order", "closed", WorkOrderCosts.class,
            1, "A work order was closed: its materials and operations variances are final");
    EventType<WorkOrderDetails> WORK_ORDER_CANCELLED = EventType.of(PREFIX, "work-order", "cancelled",
            WorkOrderDetails.class, 1, "A work order was cancelled before anything was issued or finished");
    EventType<PlannedOrderDetails> PLANNED_ORDER_FIRMED = EventType.of(PREFIX, "planned-order", "firmed",
            PlannedOrderDetails.class, 1, "A planned order of an MRP run became a draft work order or purchase order");

    Set<RecordType> OWNS = Set.of(WORK_CENTER_CREATED.recordType(), BOM_CREATED.recordType(),
            WORK_ORDER_CREATED.recordType(), PLANNED_ORDER_FIRMED.recordType());

    Set<EventType<?>> ALL = Set.of(WORK_CENTER_CREATED, WORK_CENTER_CHANGED, WORK_CENTER_DEACTIVATED, BOM_CREATED,
            WORK_ORDER_CREATED, WORK_ORDER_RELEASED, WORK_ORDER_ISSUED, WORK_ORDER_TIME_RECORDED, WORK_ORDER_COMPLETED,
            WORK_ORDER_CLOSED, WORK_ORDER_CANCELLED, PLANNED_ORDER_FIRMED);
}
