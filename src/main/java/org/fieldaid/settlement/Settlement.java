package org.fieldaid.settlement;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@Entity
@Table(name = "settlement")
class Settlement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 16)
    private String code;

    @Column(nullable = false, length = 100)
    private String district;

    @Column(nullable = false, precision = 9, scale = 6)
    private BigDecimal latitude;

    @Column(nullable = false, precision = 9, scale = 6)
    private BigDecimal longitude;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SettlementKind kind;

    @Column(nullable = false)
    private boolean reception;

    @Enumerated(EnumType.STRING)
    @Column(name = "return_status", nullable = false, length = 16)
    private ReturnStatus returnStatus;

    @Column(name = "return_status_reason", length = 500)
    private String returnStatusReason;

    @Column(name = "return_status_since")
    private java.time.LocalDate returnStatusSince;

    @OneToMany(mappedBy = "settlement", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    private List<SettlementName> names = new ArrayList<>();

    @Version
    private int version;

    protected Settlement() {
    }

    Settlement(String code) {
        this.code = code;
    }

    void apply(SettlementForm form) {
        this.district = form.district().strip();
        this.latitude = form.latitude();
        this.longitude = form.longitude();
        this.kind = form.kind();
        this.reception = form.reception();
        if (this.returnStatus == null) {
            // a new settlement; afterwards the status changes only through changeReturnStatus, with its history
            this.returnStatus = form.returnStatus();
        }
        Map<NameKey, String> wanted = new TreeMap<>();
        form.names().forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                wanted.put(k, v.strip());
            }
        });
        names.removeIf(n -> !wanted.containsKey(n.key()));
        for (SettlementName n : names) {
            n.rename(wanted.remove(n.key()));
        }
        wanted.forEach((k, v) -> names.add(new SettlementName(this, k.tradition(), k.lang(), v)));
    }

    SettlementRow toRow() {
        Map<NameKey, String> byKey = new TreeMap<>();
        names.forEach(n -> byKey.put(n.key(), n.name()));
        return new SettlementRow(id, version, code, district, latitude, longitude, kind, reception, returnStatus,
                byKey);
    }

    /** @return the status it had before */
    ReturnStatus changeReturnStatus(ReturnStatus status, String reason, java.time.LocalDate since) {
        ReturnStatus before = this.returnStatus;
        this.returnStatus = status;
        this.returnStatusReason = reason;
        this.returnStatusSince = since;
        return before;
    }

    ReturnStatus getReturnStatus() {
        return returnStatus;
    }

    Long getId() {
        return id;
    }

    int getVersion() {
        return version;
    }

    String getCode() {
        return code;
    }

    String describe() {
        SettlementRow row = toRow();
        return "code=" + code + ", district=" + district + ", lat=" + latitude + ", lon=" + longitude + ", kind="
                + kind + ", reception=" + reception + ", returnStatus=" + returnStatus + ", names=" + row.names();
    }
}
