package org.fieldaid.security;

import static org.fieldaid.security.Authority.Codes.USER_MANAGE;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.fieldaid.base.AuditRecord;
import org.fieldaid.base.Caller;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, editing, disabling and unlocking user accounts. Every change is audited with before and after. */
@Service
@PreAuthorize("hasAuthority('" + USER_MANAGE + "')")
public class UserAdministration {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,63}");

    private final AppUserRepository users;
    private final AgencyRepository agencies;
    private final LoginFailureRepository failures;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Caller caller;
    private final Clock clock;

    UserAdministration(AppUserRepository users, AgencyRepository agencies, LoginFailureRepository failures,
                       PasswordEncoder passwordEncoder, ApplicationEventPublisher events, Caller caller, Clock clock) {
        this.caller = caller;
        this.users = users;
        this.agencies = agencies;
        this.failures = failures;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<UserRow> find(String text, Pageable page) {
        return users.search(normalise(text), page).map(UserRow::of);
    }

    @Transactional(readOnly = true)
    public long count(String text) {
        return users.countSearch(normalise(text));
    }

    @Transactional(readOnly = true)
    public UserRow get(long id) {
        return UserRow.of(load(id));
    }

    @Transactional
    public UserRow create(UserForm form) {
        Map<String, List<String>> problems = check(form, true);
        if (!problems.containsKey("username") && users.existsByUsername(form.username())) {
            problems.computeIfAbsent("username", k -> new ArrayList<>()).add("user.error.username-taken");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Agency agency = agencies.findById(form.agencyId()).orElseThrow();
        AppUser user = users.save(new AppUser(form.username(), form.fullName().strip(), agency, form.roles(),
                passwordEncoder.encode(form.password()), clock.instant()));
        user.setEnabled(form.enabled());
        events.publishEvent(AuditRecord.of("USER_CREATED", "USER", user.getUsername(), "User created", null,
                user.describe()).saying("user-created"));
        return UserRow.of(user);
    }

    @Transactional
    public UserRow update(long id, int expectedVersion, UserForm form) {
        AppUser user = loadForEdit(id, expectedVersion);
        Map<String, List<String>> problems = check(form, false);
        if (isSelf(user) && (!form.enabled() || !form.roles().contains(Role.ADMIN))) {
            problems.computeIfAbsent("roles", k -> new ArrayList<>()).add("user.error.self-lockout");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String before = user.describe();
        boolean accessChanges = !user.getAgency().getId().equals(form.agencyId())
                || !user.getRoles().equals(form.roles()) || (user.isEnabled() && !form.enabled());
        user.setFullName(form.fullName().strip());
        user.setAgency(agencies.findById(form.agencyId()).orElseThrow());
        user.setRoles(form.roles());
        user.setEnabled(form.enabled());
        if (accessChanges) {
            user.accessChanged();
        }
        users.flush();
        events.publishEvent(AuditRecord.of("USER_UPDATED", "USER", user.getUsername(), "User changed", before,
                user.describe()).saying("user-changed"));
        return UserRow.of(user);
    }

    @Transactional
    public void resetPassword(long id, String newPassword) {
        AppUser user = load(id);
        List<String> violations = PasswordPolicy.violations(user.getUsername(), newPassword);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(Map.of("password", violations));
        }
        user.changePasswordHash(passwordEncoder.encode(newPassword), clock.instant());
        user.accessChanged();
        events.publishEvent(AuditRecord.of("PASSWORD_RESET", "USER", user.getUsername(), "Password reset by an administrator",
                null, null).saying("password-reset"));
    }

    @Transactional
    public void unlock(long id) {
        AppUser user = load(id);
        String before = "lockedUntil=" + user.getLockedUntil();
        user.unlock();
        failures.deleteByUsername(user.getUsername());
        events.publishEvent(AuditRecord.of("ACCOUNT_UNLOCKED", "USER", user.getUsername(), "Account unlocked",
                before, "lockedUntil=null").saying("account-unlocked"));
    }

    @Transactional
    public void setEnabled(long id, boolean enabled) {
        AppUser user = load(id);
        if (isSelf(user) && !enabled) {
            throw InvalidInputException.of("enabled", "user.error.self-lockout");
        }
        String before = user.describe();
        user.setEnabled(enabled);
        if (!enabled) {
            user.accessChanged();
        }
        events.publishEvent(AuditRecord.of(enabled ? "USER_ENABLED" : "USER_DISABLED", "USER", user.getUsername(),
                enabled ? "User enabled" : "User disabled", before, user.describe())
                .saying(enabled ? "user-enabled" : "user-disabled"));
        if (!enabled) {
            }
    }

    private Map<String, List<String>> check(UserForm form, boolean creating) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        if (creating && (form.username() == null || !USERNAME.matcher(form.username()).matches())) {
            problems.put("username", new ArrayList<>(List.of("user.error.username-format")));
        }
        if (form.fullName() == null || form.fullName().isBlank()) {
            problems.put("fullName", new ArrayList<>(List.of("validation.required")));
        }
        org.fieldaid.base.TextInput.check(problems, "fullName", form.fullName(), 200);
        if (form.agencyId() == null || agencies.findById(form.agencyId()).isEmpty()) {
            problems.put("agency", new ArrayList<>(List.of("validation.required")));
        }
        if (form.roles().isEmpty()) {
            problems.put("roles", new ArrayList<>(List.of("user.error.roles-required")));
        }
        if (creating) {
            List<String> violations = PasswordPolicy.violations(form.username(), form.password());
            if (!violations.isEmpty()) {
                problems.put("password", new ArrayList<>(violations));
            }
        }
        return problems;
    }

    private AppUser load(long id) {
        return users.findById(id).orElseThrow(() -> InvalidInputException.of("id", "error.not-found"));
    }

    private AppUser loadForEdit(long id, int expectedVersion) {
        AppUser user = load(id);
        if (user.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("User", user.getUsername(), user.describe());
        }
        return user;
    }

    private boolean isSelf(AppUser user) {
        return caller.name().filter(name -> Objects.equals(name, user.getUsername())).isPresent();
    }

    private static String normalise(String text) {
        // the search is a LIKE pattern: a typed % or _ means itself
        return text == null ? "" : org.fieldaid.base.TextInput.forSearch(text).strip().toLowerCase()
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
