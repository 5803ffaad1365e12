package org.fieldaid.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "full_name", nullable = false, length = 200)
    private String fullName;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "agency_id")
    private Agency agency;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false, length = 32)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "preferred_locale", length = 16)
    private String preferredLocale;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Raised by every change that must end the account's open sessions, on whichever node (decision 034). */
    @Column(name = "access_epoch", nullable = false)
    private int accessEpoch;

    @Version
    private int version;

    protected AppUser() {
    }

    public AppUser(String username, String fullName, Agency agency, Set<Role> roles, String passwordHash,
                   Instant now) {
        this.username = username;
        this.fullName = fullName;
        this.agency = agency;
        this.passwordHash = passwordHash;
        this.createdAt = now;
        this.passwordChangedAt = now;
        setRoles(roles);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    void changePasswordHash(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
    }

    int getAccessEpoch() {
        return accessEpoch;
    }

    /** The account's access changed: sessions signed in before this end at their next request, on every node. */
    void accessChanged() {
        accessEpoch++;
    }

    public Agency getAgency() {
        return agency;
    }

    public void setAgency(Agency agency) {
        this.agency = agency;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public void setRoles(Set<Role> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    void lockUntil(Instant until) {
        this.lockedUntil = until;
    }

    void unlock() {
        this.lockedUntil = null;
    }

    public String getPreferredLocale() {
        return preferredLocale;
    }

    void setPreferredLocale(String preferredLocale) {
        this.preferredLocale = preferredLocale;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getVersion() {
        return version;
    }

    public Set<Authority> authorities() {
        return PermissionMatrix.authorities(agency.getCapabilities(), getRoles());
    }

    String describe() {
        return "username=" + username + ", fullName=" + fullName + ", agency=" + agency.getCode()
                + ", roles=" + getRoles().stream().map(Enum::name).sorted().toList() + ", enabled=" + enabled;
    }
}
