package dev.tessera.crm.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tessera.crm.pipeline.api.Stage;

class SettingsTest {
    @Test
    void theDefaultStagesEndInWonAndLost() {
        Settings settings = Settings.of(config("qualified:10, demo:25, proposal:50, negotiation:75", "EUR"));
        assertEquals(List.of("qualified", "demo", "proposal", "negotiation", "won", "lost"),
                settings.stages().stream().map(Stage::name).toList());
        assertTrue(settings.won().won());
        assertEquals(100, settings.won().probability());
        assertTrue(settings.lost().lost());
        assertEquals(25, settings.stage(" Demo ").orElseThrow().probability());
    }

    @Test
    void aWrongSettingSaysWhichAndHow() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Settings.of(config("demo:125", "EUR")))
                .getMessage().contains("demo:125"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Settings.of(config("demo:5, demo:6", "EUR")))
                .getMessage().contains("twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Settings.of(config("demo:5", "EURO")))
                .getMessage().contains("ISO 4217"));
    }

    static PipelineConfig config(String stages, String currency) {
        return new PipelineConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PipelineConfig.class;
            }

            @Override
            public String stages() {
                return stages;
            }

            @Override
            public String wonStage() {
                return "won";
            }

            @Override
            public String lostStage() {
                return "lost";
            }

            @Override
            public String currency() {
                return currency;
            }

            @Override
            public int stuckAfterDays() {
                return 30;
            }

            @Override
            public int commitProbability() {
                return 75;
            }

            @Override
            public int quoteValidityDays() {
                return 30;
            }

            @Override
            public String defaultTaxCode() {
                return "VAT19";
            }

            @Override
            public int renewalLeadDays() {
                return 60;
            }
        };
    }
}
