package org.fieldaid.household;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One consent given or withdrawn. Append-only: the household's page shows the latest of each purpose. */
@Entity
@Immutable
@Table(name = "household_consent")
class ConsentRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "household_id", nullable = false)
    private long householdId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ConsentView.Purpose purpose;

    @Column(nullable = false)
    private boolean granted;

    @Column(name = "given_by", nullable = false, length = 300)
    private String givenBy;

    @Column(name = "recorded_by", nullable = false, length = 64)
    private String recordedBy;

    @Column(name = "recorded_agency", nullable = false, length = 32)
    private String recordedAgency;

    @Column(name = "given_at", nullable = false)
    private Instant givenAt;

    @Column(name = "approved_by", length = 64)
    private String approvedBy;

    protected ConsentRecord() {
    }

    ConsentRecord(long householdId, ConsentView.Purpose purpose, boolean granted, String givenBy, String recordedBy,
                  String recordedAgency, Instant givenAt, String approvedBy) {
        this.householdId = householdId;
        this.purpose = purpose;
        this.granted = granted;
        this.givenBy = givenBy.length() <= 300 ? givenBy : givenBy.substring(0, 300);
        this.recordedBy = recordedBy;
        this.recordedAgency = recordedAgency;
        this.givenAt = givenAt;
        this.approvedBy = approvedBy;
    }

    ConsentView toView() {
        return new ConsentView(purpose, granted, givenBy, recordedBy, recordedAgency, givenAt, approvedBy);
    }

    String describe() {
        return purpose + (granted ? " given" : " withdrawn") + " by " + givenBy + " to " + recordedAgency + " ("
                + recordedBy + ") at " + givenAt + (approvedBy == null ? "" : ", approved by " + approvedBy);
    }
}
