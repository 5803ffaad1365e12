package org.fieldaid.household;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.hibernate.annotations.Immutable;

/** Read-only mapping of the household-level phonetic keys (written by {@link HouseholdIndex}), for name search. */
@Entity
@Immutable
@Table(name = "household_name_key")
class HouseholdNameKey {

    @Embeddable
    record Key(@Column(name = "name_key", length = 32) String nameKey,
               @Column(name = "household_id") Long householdId) implements Serializable {
    }

    @EmbeddedId
    private Key id;

    protected HouseholdNameKey() {
    }
}
