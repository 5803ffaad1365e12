package org.fieldaid.security;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface LoginFailureRepository extends JpaRepository<LoginFailure, Long> {

    long countByUsernameAndOccurredAtAfter(String username, Instant since);

    @Modifying
    @Query("delete from LoginFailure f where f.username = :username")
    void deleteByUsername(String username);
}
