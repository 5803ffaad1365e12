package org.fieldaid.household;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface HouseholdChangeRepository extends JpaRepository<HouseholdChange, Long> {

    Optional<HouseholdChange> findByHouseholdId(long householdId);
}
