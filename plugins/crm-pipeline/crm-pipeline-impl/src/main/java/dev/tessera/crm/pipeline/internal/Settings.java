package dev.tessera.crm.pipeline.internal;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.tessera.crm.pipeline.api.Stage;

/** The pipeline's configuration, checked: a wrong setting stops the component with a message saying which. */
record Settings(List<Stage> stages, Currency currency, int stuckAfterDays, int commitProbability,
                int quoteValidityDays, String defaultTaxCode, int renewalLeadDays) {

    static Settings of(PipelineConfig config) {
        List<Stage> stages = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (String part : config.stages().split(",")) {
            String entry = part.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            String name = (colon < 0 ? entry : entry.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
            int probability;
            try {
                probability = colon < 0 ? -1 : Integer.parseInt(entry.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                probability = -1;
            }
            if (probability < 0 || probability > 100 || !name.matches("[a-z][a-z0-9-]{0,39}")) {
                throw new IllegalArgumentException("stages: '" + entry + "' is not name:probability with a probability"
                        + " of 0 to 100, e.g. demo:25");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("stages: '" + name + "' appears twice");
            }
            stages.add(new Stage(name, probability, false, false));
        }
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("stages: at least one open stage is needed, e.g. qualified:10");
        }
        String won = config.wonStage().trim().toLowerCase(Locale.ROOT);
        String lost = config.lostStage().trim().toLowerCase(Locale.ROOT);
        if (names.contains(won) || names.contains(lost) || won.equals(lost)) {
            throw new IllegalArgumentException("wonStage and lostStage must differ from each other and the open stages");
        }
        stages.add(new Stage(won, 100, true, false));
        stages.add(new Stage(lost, 0, false, true));
        Currency currency;
        try {
            currency = Currency.getInstance(config.currency().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency: '" + config.currency() + "' is not an ISO 4217 code");
        }
        if (config.stuckAfterDays() < 1 || config.quoteValidityDays() < 1 || config.renewalLeadDays() < 0) {
            throw new IllegalArgumentException("stuckAfterDays and quoteValidityDays must be at least 1,"
                    + " renewalLeadDays at least 0");
        }
        return new Settings(List.copyOf(stages), currency, config.stuckAfterDays(),
                Math.max(0, Math.min(100, config.commitProbability())), config.quoteValidityDays(),
                config.defaultTaxCode().trim(), config.renewalLeadDays());
    }

    Optional<Stage> stage(String name) {
        return name == null ? Optional.empty()
                : stages.stream().filter(s -> s.name().equals(name.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    Stage first() {
        return stages.get(0);
    }

    Stage won() {
        return stages.get(stages.size() - 2);
    }

    Stage lost() {
        return stages.get(stages.size() - 1);
    }
}
