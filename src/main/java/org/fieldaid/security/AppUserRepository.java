package org.fieldaid.security;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    /** The account with its row locked until the transaction ends: one login attempt at a time per account. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from AppUser u where u.username = :username")
    Optional<AppUser> lockForLogin(String username);

    boolean existsByUsername(String username);

    @Query("""
            select u from AppUser u
            where :text = '' or lower(u.username) like concat('%', :text, '%') escape '\\'
               or lower(u.fullName) like concat('%', :text, '%') escape '\\'""")
    Page<AppUser> search(String text, Pageable pageable);

    @Query("""
            select count(u) from AppUser u
            where :text = '' or lower(u.username) like concat('%', :text, '%') escape '\\'
               or lower(u.fullName) like concat('%', :text, '%') escape '\\'""")
    long countSearch(String text);
}
