package dev.tessera.crm.marketing.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/dev.tessera.crm.marketing.cfg. */
@ObjectClassDefinition(name = "Tessera marketing")
public @interface MarketingConfig {
    @AttributeDefinition(description = "ISO 4217 code of the currency campaign budgets and costs are in unless given")
    String currency() default "EUR";

    @AttributeDefinition(description = "A lead at or above this score is marketing-qualified")
    double scoreThreshold() default 50;

    @AttributeDefinition(description = "Days in which a touch's points halve")
    double scoreHalfLifeDays() default 30;

    @AttributeDefinition(description = "Points of a form fill")
    double pointsFormFill() default 20;

    @AttributeDefinition(description = "Points of an e-mail opened")
    double pointsEmailOpen() default 2;

    @AttributeDefinition(description = "Points of a link clicked in an e-mail")
    double pointsEmailClick() default 5;

    @AttributeDefinition(description = "Points of a page visit")
    double pointsPageVisit() default 1;

    @AttributeDefinition(description = "Points of attending an event")
    double pointsEventAttendance() default 15;

    @AttributeDefinition(description = "Fit rules over lead fields (name, email, company, domain, phone, source),"
            + " comma-separated, each '<field> present: <points>', '<field> = <value>: <points>', '<field> != <value>:"
            + " <points>' or '<field> ~ <part>: <points>'")
    String fitRules() default "company present: 10, domain != gmail.com: 5";

    @AttributeDefinition(description = "Days before a deal was won in which touches count for attribution")
    int attributionLookbackDays() default 90;

    @AttributeDefinition(description = "Days in which a touch's weight halves in the time-decay model")
    double timeDecayHalfLifeDays() default 7;

    @AttributeDefinition(description = "Minutes between the rescoring of all leads (aged touches cross the"
            + " threshold down); 0 turns it off")
    int rescoreMinutes() default 60;

    @AttributeDefinition(description = "Host of the SMTP server marketing's mails go through")
    String smtpHost() default "localhost";

    @AttributeDefinition(description = "Port of the SMTP server (25, 587 with STARTTLS, 465 for SMTPS)")
    int smtpPort() default 25;

    @AttributeDefinition(description = "true: the connection must be upgraded with STARTTLS before anything is sent")
    boolean smtpStartTls() default false;

    @AttributeDefinition(description = "true: the connection is TLS from its start (SMTPS, usually port 465)")
    boolean smtpTls() default false;

    @AttributeDefinition(description = "User name at the SMTP server; empty sends without logging in")
    String smtpUser() default "";

    @AttributeDefinition(description = "Password at the SMTP server", type = AttributeType.PASSWORD)
    String smtpPassword() default "";

    @AttributeDefinition(description = "Sender of marketing's mails, e.g. 'Acme <news@acme.example>'")
    String mailFrom() default "Tessera <marketing@localhost>";

    @AttributeDefinition(description = "The address people reach Tessera at from their mail program: confirmation"
            + " links start with it")
    String publicUrl() default "http://localhost:8181";

    @AttributeDefinition(description = "Hours a confirmation link stays valid")
    int confirmationHours() default 72;

    @AttributeDefinition(description = "Attempts to send a mail before it is given up as failed")
    int mailAttempts() default 8;
}
