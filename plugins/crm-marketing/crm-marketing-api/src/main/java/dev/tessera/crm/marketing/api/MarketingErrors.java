package dev.tessera.crm.marketing.api;

import dev.tessera.platform.api.ErrorCode;
import dev.tessera.platform.api.ErrorKind;

/** The codes of marketing's refusals. */
public interface MarketingErrors {
    ErrorCode INVALID = ErrorCode.of("marketing.invalid", ErrorKind.INVALID);
    ErrorCode CAMPAIGN_NOT_FOUND = ErrorCode.of("marketing.campaign-not-found", ErrorKind.NOT_FOUND);
    /** A touch names a campaign that does not exist. */
    ErrorCode UNKNOWN_CAMPAIGN = ErrorCode.of("marketing.unknown-campaign", ErrorKind.INVALID);
    ErrorCode DUPLICATE_CAMPAIGN = ErrorCode.of("marketing.duplicate-campaign", ErrorKind.CONFLICT);
    /** A completed or cancelled campaign changes only its cost. */
    ErrorCode CAMPAIGN_CLOSED = ErrorCode.of("marketing.campaign-closed", ErrorKind.CONFLICT);
    ErrorCode LIST_NOT_FOUND = ErrorCode.of("marketing.list-not-found", ErrorKind.NOT_FOUND);
    /** A subscription names a list that does not exist. */
    ErrorCode UNKNOWN_LIST = ErrorCode.of("marketing.unknown-list", ErrorKind.INVALID);
    ErrorCode DUPLICATE_LIST = ErrorCode.of("marketing.duplicate-list", ErrorKind.CONFLICT);
    ErrorCode SUBSCRIPTION_NOT_FOUND = ErrorCode.of("marketing.subscription-not-found", ErrorKind.NOT_FOUND);
    /** A confirmation link that is unknown, used already or expired. */
    ErrorCode CONFIRMATION_INVALID = ErrorCode.of("marketing.confirmation-invalid", ErrorKind.INVALID);
    ErrorCode FORM_NOT_FOUND = ErrorCode.of("marketing.form-not-found", ErrorKind.NOT_FOUND);
    ErrorCode DUPLICATE_FORM = ErrorCode.of("marketing.duplicate-form", ErrorKind.CONFLICT);
    /** A form submission without the form's key, or with another. */
    ErrorCode FORM_KEY_INVALID = ErrorCode.of("marketing.form-key-invalid", ErrorKind.FORBIDDEN);
    /** More submissions of a form in a minute than it takes; REST answers 429 with Retry-After. */
    ErrorCode RATE_LIMITED = ErrorCode.of("marketing.rate-limited", ErrorKind.UNAVAILABLE);
    ErrorCode LEAD_NOT_FOUND = ErrorCode.of("marketing.lead-not-found", ErrorKind.NOT_FOUND);
}
