package org.fieldaid.household;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface HouseholdRepository extends JpaRepository<Household, Long>, JpaSpecificationExecutor<Household> {

    /** The drafts that callers of other agencies do not see. */
    long countByStatusAndAgencyCodeNot(HouseholdStatus status, String agencyCode);

    /** The highest id, 0 without households: the end of a registration number maps to ids up to it. */
    @Query("SELECT COALESCE(MAX(h.id), 0) FROM Household h")
    long maxId();
}
