package dev.tessera.crm.pipeline.api;

/** A lead to capture: a name and an e-mail or a company at least; {@code website} helps matching by domain. */
public record NewLead(String name, String email, String company, String website, String phone, String source,
                      String owner, String notes) {
}
