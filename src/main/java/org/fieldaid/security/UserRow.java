package org.fieldaid.security;

import java.time.Instant;
import java.util.Set;

/** A user as administration shows it. */
public record UserRow(long id, int version, String username, String fullName, long agencyId, String agencyCode,
                      String agencyName, Set<Role> roles, boolean enabled, Instant lockedUntil, Instant createdAt) {

    static UserRow of(AppUser u) {
        return new UserRow(u.getId(), u.getVersion(), u.getUsername(), u.getFullName(), u.getAgency().getId(),
                u.getAgency().getCode(), u.getAgency().getName(), u.getRoles(), u.isEnabled(), u.getLockedUntil(),
                u.getCreatedAt());
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
