package dev.tessera.erp.ledger.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.erp.ledger.api.JournalEntry;
import dev.tessera.erp.ledger.api.LedgerErrors;
import dev.tessera.erp.ledger.api.LedgerException;
import dev.tessera.erp.ledger.api.LedgerService;
import dev.tessera.erp.ledger.api.PostingRequest;
import dev.tessera.erp.ledger.api.event.LedgerEvents;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventSubscriber;
import dev.tessera.platform.api.event.UndeliverableEvent;

/**
 * Books other modules' documents by the posting rules in {@code etc/dev.tessera.erp.ledger.rule-*.cfg}, as a durable
 * subscriber: events committed while the ledger is disabled are booked, once, when it is enabled again. A rule that
 * cannot book an event (an amount missing from it, a closed period) fails the delivery, which is retried and then
 * kept as a dead letter to replay once the rule or the books are fixed.
 */
@Component(service = EventSubscriber.class)
public final class PostingRules implements EventSubscriber {
    static final String SUBSCRIBER_ID = "erp-ledger.posting-rules";
    private static final Logger LOG = LoggerFactory.getLogger(PostingRules.class);

    private final LedgerService ledger;
    private final ConfigurationAdmin configurations;

    @Activate
    public PostingRules(@Reference LedgerService ledger, @Reference ConfigurationAdmin configurations) {
        this.ledger = ledger;
        this.configurations = configurations;
    }

    @Override
    public String subscriberId() {
        return SUBSCRIBER_ID;
    }

    /** Every event: the rules are read when an event comes, so a rule edited in etc/ applies from the next one. */
    @Override
    public Set<String> topics() {
        return Set.of("*");
    }

    @Override
    public void handle(DomainEvent event) throws Exception {
        if (event.type().startsWith(LedgerEvents.PREFIX + ".")) {
            return; // the ledger's own events are bookings already
        }
        for (PostingRule rule : rules()) {
            if (!rule.matches(event)) {
                continue;
            }
            PostingRequest request = rule.request(event);
            if (request == null) {
                LOG.debug("Rule {} leaves event {} out: all its amounts are zero", rule.name(), event.id());
                continue;
            }
            JournalEntry entry;
            try {
                entry = ledger.post(request, "system:erp-ledger");
            } catch (LedgerException e) {
                if (e.code().equals(LedgerErrors.SOURCE_CONFLICT.code())) {
                    // booking it again cannot help: the books already hold another booking of the document
                    throw new UndeliverableEvent("Rule " + rule.name() + " cannot book " + event.type() + " "
                            + event.id() + ": " + e.getMessage(), e);
                }
                throw e;
            }
            LOG.debug("Rule {} booked event {} as {}", rule.name(), event.id(), entry.number());
        }
    }

    List<PostingRule> rules() throws IOException, InvalidSyntaxException {
        Configuration[] found = configurations.listConfigurations("(service.factoryPid=" + PostingRule.FACTORY_PID + ")");
        List<PostingRule> rules = new ArrayList<>();
        if (found == null) {
            return rules;
        }
        for (Configuration configuration : found) {
            String pid = configuration.getPid();
            String name = pid.substring(pid.lastIndexOf('.') + 1);
            Object file = configuration.getProperties().get("felix.fileinstall.filename");
            if (file != null) {
                String path = file.toString();
                name = path.substring(path.lastIndexOf('-') + 1).replace(".cfg", "");
            }
            try {
                rules.add(PostingRule.from(name, configuration.getProperties()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Posting rule " + pid + " is not valid: " + e.getMessage(), e);
            }
        }
        return rules;
    }
}
