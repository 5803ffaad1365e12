package org.fieldaid.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every authority the system grants, as {@code RESOURCE:ACTION}. The string constants exist so that
 * annotations ({@code @PreAuthorize}, {@code @RolesAllowed}) can name them; the enum is what code iterates.
 */
public enum Authority {
    HOUSEHOLD_READ(Authority.Codes.HOUSEHOLD_READ),
    HOUSEHOLD_READ_CONSENTED(Authority.Codes.HOUSEHOLD_READ_CONSENTED),
    HOUSEHOLD_WRITE(Authority.Codes.HOUSEHOLD_WRITE),
    HOUSEHOLD_APPROVE(Authority.Codes.HOUSEHOLD_APPROVE),
    PII_SENSITIVE(Authority.Codes.PII_SENSITIVE),
    AID_READ(Authority.Codes.AID_READ),
    AID_DISTRIBUTE(Authority.Codes.AID_DISTRIBUTE),
    AID_PLAN(Authority.Codes.AID_PLAN),
    AID_APPROVE(Authority.Codes.AID_APPROVE),
    STOCK_MANAGE(Authority.Codes.STOCK_MANAGE),
    JOURNEY_READ(Authority.Codes.JOURNEY_READ),
    JOURNEY_PLAN(Authority.Codes.JOURNEY_PLAN),
    JOURNEY_APPROVE(Authority.Codes.JOURNEY_APPROVE),
    CONVOY_MANAGE(Authority.Codes.CONVOY_MANAGE),
    CHECKPOINT_LOG(Authority.Codes.CHECKPOINT_LOG),
    REPORT_READ(Authority.Codes.REPORT_READ),
    EXPORT_PERSONAL(Authority.Codes.EXPORT_PERSONAL),
    EXPORT_AGGREGATE(Authority.Codes.EXPORT_AGGREGATE),
    AUDIT_READ(Authority.Codes.AUDIT_READ),
    USER_MANAGE(Authority.Codes.USER_MANAGE),
    AGENCY_MANAGE(Authority.Codes.AGENCY_MANAGE),
    SETTLEMENT_MANAGE(Authority.Codes.SETTLEMENT_MANAGE),
    SETTLEMENT_STATUS(Authority.Codes.SETTLEMENT_STATUS),
    CATALOGUE_MANAGE(Authority.Codes.CATALOGUE_MANAGE),
    BACKUP_RUN(Authority.Codes.BACKUP_RUN),
    REFERRAL_READ(Authority.Codes.REFERRAL_READ),
    REFERRAL_SEND(Authority.Codes.REFERRAL_SEND),
    REFERRAL_RECEIVE(Authority.Codes.REFERRAL_RECEIVE),
    REFERRAL_SUPERVISE(Authority.Codes.REFERRAL_SUPERVISE),
    METRICS_READ(Authority.Codes.METRICS_READ);

    private final String code;

    Authority(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Authority> fromCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }

    /** Compile-time constants for annotations. */
    public static final class Codes {
        public static final String HOUSEHOLD_READ = "HOUSEHOLD:READ";
        public static final String HOUSEHOLD_READ_CONSENTED = "HOUSEHOLD:READ_CONSENTED";
        public static final String HOUSEHOLD_WRITE = "HOUSEHOLD:WRITE";
        public static final String HOUSEHOLD_APPROVE = "HOUSEHOLD:APPROVE";
        public static final String PII_SENSITIVE = "PII:SENSITIVE";
        public static final String AID_READ = "AID:READ";
        public static final String AID_DISTRIBUTE = "AID:DISTRIBUTE";
        public static final String AID_PLAN = "AID:PLAN";
        public static final String AID_APPROVE = "AID:APPROVE";
        public static final String STOCK_MANAGE = "STOCK:MANAGE";
        public static final String JOURNEY_READ = "JOURNEY:READ";
        public static final String JOURNEY_PLAN = "JOURNEY:PLAN";
        public static final String JOURNEY_APPROVE = "JOURNEY:APPROVE";
        public static final String CONVOY_MANAGE = "CONVOY:MANAGE";
        public static final String CHECKPOINT_LOG = "CHECKPOINT:LOG";
        public static final String REPORT_READ = "REPORT:READ";
        public static final String EXPORT_PERSONAL = "EXPORT:PERSONAL";
        public static final String EXPORT_AGGREGATE = "EXPORT:AGGREGATE";
        public static final String AUDIT_READ = "AUDIT:READ";
        public static final String USER_MANAGE = "USER:MANAGE";
        public static final String AGENCY_MANAGE = "AGENCY:MANAGE";
        public static final String SETTLEMENT_MANAGE = "SETTLEMENT:MANAGE";
        public static final String SETTLEMENT_STATUS = "SETTLEMENT:STATUS";
        public static final String CATALOGUE_MANAGE = "CATALOGUE:MANAGE";
        public static final String BACKUP_RUN = "BACKUP:RUN";
        /** Referrals sent by or to the caller's agency, and the household's tab of them. */
        public static final String REFERRAL_READ = "REFERRAL:READ";
        /** Refer a family's members to another agency's service, and revoke one's own referral. */
        public static final String REFERRAL_SEND = "REFERRAL:SEND";
        /** Accept, decline and complete referrals to the caller's agency. */
        public static final String REFERRAL_RECEIVE = "REFERRAL:RECEIVE";
        /** Revoke any referral of the agency, and be told of urgent ones nobody accepted in time. */
        public static final String REFERRAL_SUPERVISE = "REFERRAL:SUPERVISE";
        /** Health details and the Prometheus metrics under /actuator: counts and timings, no personal data. */
        public static final String METRICS_READ = "METRICS:READ";

        private Codes() {
        }
    }
}
