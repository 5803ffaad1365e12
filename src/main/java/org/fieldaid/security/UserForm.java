package org.fieldaid.security;

import java.util.EnumSet;
import java.util.Set;

/** What an administrator types to create or edit a user. The password is used only on creation. */
public record UserForm(String username, String fullName, Long agencyId, Set<Role> roles, boolean enabled,
                       String password) {

    public UserForm {
        roles = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }
}
