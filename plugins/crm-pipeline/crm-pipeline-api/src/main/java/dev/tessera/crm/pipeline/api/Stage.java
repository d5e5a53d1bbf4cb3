package dev.tessera.crm.pipeline.api;

/** A pipeline stage with its win probability in percent; {@code won} and {@code lost} close the deal. */
public record Stage(String name, int probability, boolean won, boolean lost) {
    public boolean closed() {
        return won || lost;
    }
}
