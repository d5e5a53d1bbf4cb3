package dev.tessera.crm.pipeline.api;

import dev.tessera.platform.api.ErrorCode;
import dev.tessera.platform.api.ErrorKind;

/** The pipeline's error codes. */
public interface PipelineErrors {
    ErrorCode INVALID = ErrorCode.of("pipeline.invalid", ErrorKind.INVALID);
    ErrorCode INVALID_IMPORT = ErrorCode.of("pipeline.invalid-import", ErrorKind.INVALID);
    ErrorCode DUPLICATE_LEAD = ErrorCode.of("pipeline.duplicate-lead", ErrorKind.CONFLICT);
    ErrorCode UNKNOWN_STAGE = ErrorCode.of("pipeline.unknown-stage", ErrorKind.INVALID);
    ErrorCode ACCOUNT_NOT_FOUND = ErrorCode.of("pipeline.account-not-found", ErrorKind.NOT_FOUND);
    ErrorCode CONTACT_NOT_FOUND = ErrorCode.of("pipeline.contact-not-found", ErrorKind.NOT_FOUND);
    ErrorCode LEAD_NOT_FOUND = ErrorCode.of("pipeline.lead-not-found", ErrorKind.NOT_FOUND);
    ErrorCode LEAD_CLOSED = ErrorCode.of("pipeline.lead-closed", ErrorKind.CONFLICT);
    ErrorCode OPPORTUNITY_NOT_FOUND = ErrorCode.of("pipeline.opportunity-not-found", ErrorKind.NOT_FOUND);
    ErrorCode OPPORTUNITY_CLOSED = ErrorCode.of("pipeline.opportunity-closed", ErrorKind.CONFLICT);
    ErrorCode ACTIVITY_NOT_FOUND = ErrorCode.of("pipeline.activity-not-found", ErrorKind.NOT_FOUND);
    ErrorCode QUOTE_NOT_FOUND = ErrorCode.of("pipeline.quote-not-found", ErrorKind.NOT_FOUND);
    ErrorCode QUOTE_CLOSED = ErrorCode.of("pipeline.quote-closed", ErrorKind.CONFLICT);
    ErrorCode QUOTE_EXPIRED = ErrorCode.of("pipeline.quote-expired", ErrorKind.CONFLICT);
    ErrorCode UNKNOWN_ITEM = ErrorCode.of("pipeline.unknown-item", ErrorKind.INVALID);
    ErrorCode UNKNOWN_TAX_CODE = ErrorCode.of("pipeline.unknown-tax-code", ErrorKind.INVALID);
}
