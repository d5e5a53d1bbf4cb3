package dev.tessera.erp.manufacturing.api;

import dev.tessera.platform.api.ErrorCode;
import dev.tessera.platform.api.ErrorKind;

/** Manufacturing's error codes. */
public interface ManufacturingErrors {
    ErrorCode INVALID = ErrorCode.of("manufacturing.invalid", ErrorKind.INVALID);
    ErrorCode WORK_CENTER_NOT_FOUND = ErrorCode.of("manufacturing.work-center-not-found", ErrorKind.NOT_FOUND);
    ErrorCode DUPLICATE_WORK_CENTER = ErrorCode.of("manufacturing.duplicate-work-center", ErrorKind.CONFLICT);
    /** An operation names a work center that does not exist or is deactivated. */
    ErrorCode UNKNOWN_WORK_CENTER = ErrorCode.of("manufacturing.unknown-work-center", ErrorKind.INVALID);
    /** A bill of materials names an item the inventory's catalog does not have (or has deactivated). */
    ErrorCode UNKNOWN_ITEM = ErrorCode.of("manufacturing.unknown-item", ErrorKind.INVALID);
    /** A component is the item the bill of materials makes. */
    ErrorCode SELF_COMPONENT = ErrorCode.of("manufacturing.self-component", ErrorKind.INVALID);
    /** The components would make the item need itself through other bills of materials; the message names the path. */
    ErrorCode BOM_CYCLE = ErrorCode.of("manufacturing.bom-cycle", ErrorKind.INVALID);
    /** The item has no bill of materials in force on the date asked. */
    ErrorCode BOM_NOT_FOUND = ErrorCode.of("manufacturing.bom-not-found", ErrorKind.NOT_FOUND);
    /** A new revision may not take effect before the latest one, nor (after the first) in the past. */
    ErrorCode EFFECTIVE_DATE = ErrorCode.of("manufacturing.effective-date", ErrorKind.INVALID);
    /**
     * An explosion or cost roll-up would list more lines than one answer holds (sub-assemblies used in many places
     * of a deep bill); explode its sub-assemblies one by one.
     */
    ErrorCode TOO_LARGE = ErrorCode.of("manufacturing.explosion-too-large", ErrorKind.INVALID);
    ErrorCode WORK_ORDER_NOT_FOUND = ErrorCode.of("manufacturing.work-order-not-found", ErrorKind.NOT_FOUND);
    /** The work order's status does not allow the operation. */
    ErrorCode WORK_ORDER_STATE = ErrorCode.of("manufacturing.work-order-state", ErrorKind.CONFLICT);
    /** Releasing a work order whose components the warehouse does not have; the errors name each and how many. */
    ErrorCode COMPONENTS_SHORT = ErrorCode.of("manufacturing.components-short", ErrorKind.CONFLICT);
    /** Finishing more than the work order plans. */
    ErrorCode OVER_COMPLETION = ErrorCode.of("manufacturing.over-completion", ErrorKind.INVALID);
    /** Issuing an item that is not a component of the work order, or an operation it does not have. */
    ErrorCode NOT_IN_ORDER = ErrorCode.of("manufacturing.not-in-order", ErrorKind.INVALID);
    /** Another MRP run is going: wait for it to finish (manufacturing:mrp-runs shows its progress). */
    ErrorCode MRP_RUNNING = ErrorCode.of("manufacturing.mrp-running", ErrorKind.CONFLICT);
    ErrorCode MRP_RUN_NOT_FOUND = ErrorCode.of("manufacturing.mrp-run-not-found", ErrorKind.NOT_FOUND);
    ErrorCode PLANNED_ORDER_NOT_FOUND = ErrorCode.of("manufacturing.planned-order-not-found", ErrorKind.NOT_FOUND);
    /** The planned order was firmed already: its work or purchase order is named in {@code firmedAs}. */
    ErrorCode PLANNED_ORDER_FIRMED = ErrorCode.of("manufacturing.planned-order-firmed", ErrorKind.CONFLICT);
    /** A planned purchase cannot become a purchase order while erp-purchasing is not enabled. */
    ErrorCode PURCHASING_NOT_ENABLED = ErrorCode.of("manufacturing.purchasing-not-enabled", ErrorKind.CONFLICT);
    /** No active vendor has a price agreement for the planned purchase's item. */
    ErrorCode NO_VENDOR = ErrorCode.of("manufacturing.no-vendor", ErrorKind.CONFLICT);
}
