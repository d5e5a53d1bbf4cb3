package dev.tessera.crm.marketing.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Campaigns, each operation one transaction. */
@ProviderType
public interface Campaigns {
    Campaign create(NewCampaign campaign, String actor);

    /** Changes a campaign; a completed or cancelled one changes only its cost. */
    Campaign update(String code, CampaignChanges changes, String actor);

    Optional<Campaign> campaign(String code);

    /** Campaigns by code after {@code afterCode}; {@code status} null for all. */
    List<Campaign> campaigns(CampaignStatus status, String afterCode, int limit);
}
