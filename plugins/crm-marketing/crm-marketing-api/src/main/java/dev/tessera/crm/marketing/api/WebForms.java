package dev.tessera.crm.marketing.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Web forms and their submissions, each submission one transaction. */
@ProviderType
public interface WebForms {
    WebFormCreated create(NewWebForm form, String actor);

    Optional<WebForm> form(String code);

    List<WebForm> forms();

    /**
     * Takes a submission posted with the form's key: refused with {@code marketing.form-key-invalid} without the right
     * key and {@code marketing.rate-limited} above the form's rate; otherwise the touch, the lead and the subscription
     * are written together, or nothing is.
     */
    SubmissionResult submit(String form, String key, FormSubmission submission);
}
