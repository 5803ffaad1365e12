/**
 * Referrals between agencies: the services each agency offers, a family's members referred to another agency's
 * service with the family's consent recorded at that moment, the receiving agency's inbox, and the household read
 * that an accepted referral grants while it is open. {@link org.fieldaid.referral.Referrals} is the only way in.
 */
package org.fieldaid.referral;
