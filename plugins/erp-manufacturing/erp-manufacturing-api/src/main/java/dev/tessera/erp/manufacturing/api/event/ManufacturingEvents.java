package dev.tessera.erp.manufacturing.api.event;

import java.util.Set;

import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.event.EventType;

/** The record types manufacturing owns (work centers, bills of materials) and their events. */
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

    Set<RecordType> OWNS = Set.of(WORK_CENTER_CREATED.recordType(), BOM_CREATED.recordType());

    Set<EventType<?>> ALL = Set.of(WORK_CENTER_CREATED, WORK_CENTER_CHANGED, WORK_CENTER_DEACTIVATED, BOM_CREATED);
}
