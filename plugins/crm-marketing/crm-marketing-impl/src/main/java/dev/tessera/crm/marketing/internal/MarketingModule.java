package dev.tessera.crm.marketing.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.crm.marketing.api.Attribution;
import dev.tessera.crm.marketing.api.Campaigns;
import dev.tessera.crm.marketing.api.Scores;
import dev.tessera.crm.marketing.api.Touches;
import dev.tessera.crm.marketing.api.event.MarketingEvents;
import dev.tessera.platform.api.ModuleDescriptor;
import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.Roles;
import dev.tessera.platform.api.event.EventType;

/** Marketing: campaigns, touches, lead scores and attribution; the pipeline's leads and deals when it is enabled. */
@Component(service = ModuleDescriptor.class)
public final class MarketingModule implements ModuleDescriptor {
    @Reference
    Campaigns campaigns;

    @Reference
    Touches touches;

    @Reference
    Scores scores;

    @Reference
    Attribution attribution;

    @Override
    public String id() {
        return "crm-marketing";
    }

    @Override
    public String name() {
        return "Marketing";
    }

    @Override
    public Set<RecordType> owns() {
        return MarketingEvents.OWNS;
    }

    @Override
    public Set<EventType<?>> events() {
        return MarketingEvents.ALL;
    }

    @Override
    public Set<String> integratesWith() {
        return Set.of("crm-pipeline");
    }

    @Override
    public Set<String> roles() {
        return Set.of(Roles.MARKETING, Roles.SALES, Roles.VIEWER);
    }

    @Override
    public int schemaVersion() {
        return 3;
    }
}
