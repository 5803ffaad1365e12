package org.fieldaid.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.fieldaid.base.AgencyMember;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated principal: who, which agency, and the authorities the permission matrix gives. */
public final class FieldAidUser implements UserDetails, AgencyMember, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String fullName;
    private final String agencyCode;
    private final String agencyName;
    private final Set<Role> roles;
    private final Set<Authority> authorities;
    private final Set<Capability> capabilities;
    private final transient String passwordHash;
    private final boolean enabled;
    private final boolean locked;
    private final int accessEpoch;

    FieldAidUser(AppUser user, boolean locked) {
        this.id = user.getId();
        this.username = user.getUsername();
        this.fullName = user.getFullName();
        this.agencyCode = user.getAgency().getCode();
        this.agencyName = user.getAgency().getName();
        this.roles = user.getRoles();
        this.authorities = user.authorities();
        this.capabilities = user.getAgency().getCapabilities();
        this.passwordHash = user.getPasswordHash();
        this.enabled = user.isEnabled() && user.getAgency().isActive();
        this.locked = locked;
        this.accessEpoch = user.getAccessEpoch();
    }

    /** The account's access epoch when this session signed in (decision 034). */
    int accessEpoch() {
        return accessEpoch;
    }

    public long id() {
        return id;
    }

    public String fullName() {
        return fullName;
    }

    public String agencyName() {
        return agencyName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public Set<Authority> grantedAuthorities() {
        return authorities;
    }

    /** What the user's agency may do, for the rules that follow the agency rather than an authority. */
    public boolean hasCapability(Capability capability) {
        return capabilities.contains(capability);
    }

    public boolean has(Authority authority) {
        return authorities.contains(authority);
    }

    @Override
    public String getAgencyCode() {
        return agencyCode;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> result = authorities.stream()
                .map(a -> (GrantedAuthority) new SimpleGrantedAuthority(a.code())).toList();
        return result;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
