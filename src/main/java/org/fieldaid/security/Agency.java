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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.EnumSet;
import java.util.Set;

@Entity
@Table(name = "agency")
public class Agency {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false)
    private boolean active = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agency_capability", joinColumns = @JoinColumn(name = "agency_id"))
    @Column(name = "capability", nullable = false, length = 32)
    @Enumerated(EnumType.STRING)
    private Set<Capability> capabilities = EnumSet.noneOf(Capability.class);

    @Version
    private int version;

    protected Agency() {
    }

    public Agency(String code, String name, Set<Capability> capabilities) {
        this.code = code;
        this.name = name;
        setCapabilities(capabilities);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Set<Capability> getCapabilities() {
        return capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
    }

    public void setCapabilities(Set<Capability> capabilities) {
        this.capabilities.clear();
        this.capabilities.addAll(capabilities);
    }

    public int getVersion() {
        return version;
    }

    /** The values the audit log keeps as "before" and "after". */
    String describe() {
        return "code=" + code + ", name=" + name + ", active=" + active + ", capabilities="
                + getCapabilities().stream().map(Enum::name).sorted().toList();
    }
}
