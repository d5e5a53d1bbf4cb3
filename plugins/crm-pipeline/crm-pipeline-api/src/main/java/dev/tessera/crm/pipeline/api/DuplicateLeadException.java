package dev.tessera.crm.pipeline.api;

import java.util.List;

import dev.tessera.platform.api.TesseraException;

/** A new lead looks like leads already captured: the candidates say which and why; force the create to keep both. */
public class DuplicateLeadException extends TesseraException {
    private static final long serialVersionUID = 1L;

    private final transient List<DuplicateCandidate> candidates;

    public DuplicateLeadException(String message, List<DuplicateCandidate> candidates) {
        super(PipelineErrors.DUPLICATE_LEAD, message);
        this.candidates = List.copyOf(candidates);
    }

    public List<DuplicateCandidate> candidates() {
        return candidates;
    }

    @Override
    public java.util.Map<String, Object> details() {
        return java.util.Map.of("candidates", candidates);
    }
}
