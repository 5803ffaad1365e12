package org.fieldaid.settlement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SettlementRepository extends JpaRepository<Settlement, Long> {

    Optional<Settlement> findByCode(String code);

    List<Settlement> findAllByOrderByCodeAsc();
}
