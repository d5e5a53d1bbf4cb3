package dev.tessera.erp.manufacturing.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Work centers. Every change publishes its {@code manufacturing.work-center.*} event in the same transaction. */
@ProviderType
public interface WorkCenters {

    /** Work centers by code; {@code active} null for all. */
    List<WorkCenter> workCenters(Boolean active);

    /** Up to {@code limit} work centers with codes after {@code afterCode} (null: from the first), by code. */
    List<WorkCenter> workCenters(Boolean active, String afterCode, int limit);

    /** The work center with this code, in any case. */
    Optional<WorkCenter> workCenter(String code);

    WorkCenter create(NewWorkCenter workCenter, String actor);

    WorkCenter update(String code, WorkCenterChanges changes, String actor);

    /** Deactivates a work center: new bills of materials cannot use it; those that do keep it. */
    WorkCenter deactivate(String code, String actor);
}
