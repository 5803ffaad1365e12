package org.fieldaid.household;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface HouseholdRepository extends JpaRepository<Household, Long>, JpaSpecificationExecutor<Household> {

    /** The drafts that callers of other agencies do not see. */
    long countByStatusAndAgencyCodeNot(HouseholdStatus status, String agencyCode);

    @Query("select h.id from Household h where h.registrationNumber = :number")
    Optional<Long> findIdByRegistrationNumber(String number);

    /** The highest id, 0 without households: the end of a registration number maps to ids up to it. */
    @Query("SELECT COALESCE(MAX(h.id), 0) FROM Household h")
    long maxId();
}
