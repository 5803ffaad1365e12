package org.fieldaid.referral;

import java.util.Set;

/**
 * An agency and the services it offers.
 *
 * @param receives whether the agency's capabilities let anyone in it take referrals
 */
public record AgencyServices(String agencyCode, String agencyName, boolean receives, boolean sensitiveAllowed,
                             Set<ServiceKind> services) {
}
