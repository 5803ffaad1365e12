package org.fieldaid.household;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface HouseholdRepository extends JpaRepository<Household, Long>, JpaSpecificationExecutor<Household> {

    /** The drafts that callers of other agencies do not see. */
    long countByStatusAndAgencyCodeNot(HouseholdStatus status, String agencyCode);
}
