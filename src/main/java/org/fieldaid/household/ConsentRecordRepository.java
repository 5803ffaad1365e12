package org.fieldaid.household;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConsentRecordRepository extends JpaRepository<ConsentRecord, Long> {

    List<ConsentRecord> findByHouseholdIdOrderByIdDesc(long householdId);
}
