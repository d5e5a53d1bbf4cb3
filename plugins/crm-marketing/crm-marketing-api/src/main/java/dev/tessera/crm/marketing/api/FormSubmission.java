package dev.tessera.crm.marketing.api;

/**
 * What a person filled in on a web form, with the UTM parameters of the page they came from and whether they agreed
 * to receive the form's list ({@code consent}).
 */
public record FormSubmission(String name, String email, String company, String website, String phone,
                             String utmSource, String utmMedium, String utmCampaign, Boolean consent) {
}
