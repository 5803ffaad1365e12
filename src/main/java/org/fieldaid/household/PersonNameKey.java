package org.fieldaid.household;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/** Read-only mapping of the phonetic name keys (written by {@link HouseholdIndex}), for searching by name. */
@Entity
@Immutable
@Table(name = "person_name_key")
class PersonNameKey {

    @Embeddable
    record Key(@Column(name = "name_key", length = 32) String nameKey,
               @Column(name = "birth_date") LocalDate birthDate,
               @Column(name = "person_id") Long personId) implements Serializable {
    }

    @EmbeddedId
    private Key id;

    @Column(name = "household_id", nullable = false)
    private Long householdId;

    protected PersonNameKey() {
    }
}
