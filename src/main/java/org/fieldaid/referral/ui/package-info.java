/** The referral screens: the household's Referrals tab, the inbox, the sent list and the services an agency offers. */
package org.fieldaid.referral.ui;
