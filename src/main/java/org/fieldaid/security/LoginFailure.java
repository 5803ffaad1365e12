package org.fieldaid.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "login_failure")
class LoginFailure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected LoginFailure() {
    }

    LoginFailure(String username, Instant occurredAt) {
        this.username = username;
        this.occurredAt = occurredAt;
    }
}
