package org.fieldaid.household;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.hibernate.annotations.Immutable;

/** Read-only mapping of the household-level given-name keys (written by {@link HouseholdIndex}), for name search. */
@Entity
@Immutable
@Table(name = "household_given_key")
class HouseholdGivenKey {

    @Embeddable
    record Key(@Column(name = "given_key", length = 32) String givenKey,
               @Column(name = "household_id") Long householdId) implements Serializable {
    }

    @EmbeddedId
    private Key id;

    protected HouseholdGivenKey() {
    }
}
