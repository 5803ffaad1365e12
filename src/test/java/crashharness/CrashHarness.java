package crashharness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fieldaid.FieldAidApplication;
import org.fieldaid.aid.Aid;
import org.fieldaid.aid.DeliveryForm;
import org.fieldaid.aid.DeliveryOutcome;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.approval.Approvals;
import org.fieldaid.household.DocumentType;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.MemberForm;
import org.fieldaid.household.RegistrationForm;
import org.fieldaid.household.Relation;
import org.fieldaid.household.Sex;
import org.fieldaid.household.Vulnerability;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The crash test's driver (CrashSafetyJarIT, decision 031). It runs inside the packaged application's own process,
 * started from the jar with Spring Boot's PropertiesLauncher ({@code -Dloader.main}), and drives the real services as
 * real users: officers register and submit families, hand out aid, and a supervisor approves the registrations. It
 * writes a line to the acknowledgement file only after a service call has returned, that is after its transaction
 * committed, until the test kills the process. It lives outside {@code org.fieldaid}, so that nothing of it is
 * scanned into the application, and it is no part of the product's jar.
 */
public final class CrashHarness {

    static final String READY = "CRASH-HARNESS READY";
    private static final Duration MOST = Duration.ofSeconds(90);
    private static final int MOST_OPERATIONS = 3000;

    private final ConfigurableApplicationContext app;
    private final Path acks;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Instant until = Instant.now().plus(MOST);
    private final Deque<long[]> due = new ArrayDeque<>();
    private long origin;
    private long reception;

    private CrashHarness(ConfigurableApplicationContext app, Path acks) {
        this.app = app;
        this.acks = acks;
    }

    public static void main(String[] args) throws Exception {
        Path acks = Path.of(System.getProperty("crash.acks"));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(FieldAidApplication.class).run(args);
        new CrashHarness(app, acks).burst();
        app.close();
    }

    private void burst() throws InterruptedException {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        as("mchs.officer");
        List<SettlementRow> all = app.getBean(Settlements.class).all();
        origin = all.stream().filter(s -> !s.reception()).findFirst().orElseThrow().id();
        reception = all.stream().filter(SettlementRow::reception).findFirst().orElseThrow().id();
        for (Map<String, Object> row : jdbc.queryForList("SELECT e.id, e.quantity FROM aid_entitlement e JOIN aid_round r "
                + "ON r.id = e.round_id WHERE r.status = 'APPROVED' AND e.status = 'DUE' AND e.delivered_quantity = 0 "
                + "ORDER BY e.id")) {
            due.add(new long[] {((Number) row.get("id")).longValue(), ((Number) row.get("quantity")).longValue()});
        }
        System.out.println(READY + " (" + due.size() + " entitlements due)");
        System.out.flush();
        Thread registrations = Thread.ofPlatform().name("crash-registrations").start(this::registerFamilies);
        Thread aid = Thread.ofPlatform().name("crash-aid-and-approvals").start(this::deliverAndApprove);
        registrations.join();
        aid.join();
    }

    private boolean goOn(int done) {
        return !stop.get() && done < MOST_OPERATIONS && Instant.now().isBefore(until);
    }

    private void registerFamilies() {
        as("mchs.officer");
        HouseholdRegistry registry = app.getBean(HouseholdRegistry.class);
        for (int i = 0; goOn(i); i++) {
            try {
                register(registry, i);
            } catch (RuntimeException refused) {
                System.err.println("registration " + i + " refused: " + refused);
            }
        }
    }

    private void register(HouseholdRegistry registry, int i) {
        String family = "Crash" + syllables(3);
        HouseholdDetails saved = registry.saveAndSubmit(null, 0, new RegistrationForm(origin, reception,
                "Tent " + i, LocalDate.of(2020, 10, 12), "+374 77 500" + String.format("%03d", i % 1000), false, true,
                EnumSet.of(Vulnerability.LOST_HOME), List.of(
                        member(family, Relation.HEAD, Sex.FEMALE, LocalDate.of(1950 + i % 40, 1 + i % 12, 1 + i % 28),
                                DocumentType.OTHER, "CR" + UUID.randomUUID().toString().replace("-", "")
                                        .substring(0, 12).toUpperCase()),
                        member(family, Relation.CHILD, Sex.MALE, LocalDate.of(2010 + i % 10, 1 + i % 12, 2), null,
                                null))), "a family of the crash test");
        ack("H " + saved.registrationNumber());
    }

    private void deliverAndApprove() {
        Aid aidService = app.getBean(Aid.class);
        Approvals approvals = app.getBean(Approvals.class);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        for (int i = 0; goOn(i); i++) {
            try {
                deliverOrApprove(aidService, approvals, jdbc, i);
            } catch (RuntimeException refused) {
                System.err.println("aid or approval " + i + " refused: " + refused);
            }
        }
    }

    private void deliverOrApprove(Aid aidService, Approvals approvals, JdbcTemplate jdbc, int i) {
        if (i % 2 == 0 && !due.isEmpty()) {
            as("mchs.officer");
            long[] entitlement = due.poll();
            DeliveryForm form = new DeliveryForm(entitlement[0], (int) entitlement[1], null, null, "Proxy " + i,
                    "PX" + String.format("%06d", i), true, UUID.randomUUID().toString());
            DeliveryOutcome outcome = aidService.deliver(form);
            if (outcome.result() == DeliveryOutcome.Result.DUPLICATE_WARNING) {
                outcome = aidService.deliver(form.confirmingDuplicate());
            }
            if (outcome.result() == DeliveryOutcome.Result.DELIVERED) {
                ack("D " + outcome.delivery().receiptNumber());
            }
            return;
        }
        List<Long> pending = jdbc.queryForList("SELECT r.id FROM approval_request r JOIN household h ON h.id = "
                + "r.subject_id WHERE r.kind = 'REGISTRATION' AND r.status = 'PENDING' AND r.requested_by = "
                + "'mchs.officer' AND h.head_family_name LIKE 'Crash%' ORDER BY r.id FETCH FIRST 1 ROWS ONLY",
                Long.class);
        if (pending.isEmpty()) {
            pause();
            return;
        }
        as("mchs.supervisor");
        ApprovalView request = approvals.get(pending.getFirst());
        approvals.approve(request.id(), request.version());
        ack("A " + jdbc.queryForObject("SELECT registration_number FROM household WHERE id = ?", String.class,
                request.subjectId()));
    }

    private static MemberForm member(String family, Relation relation, Sex sex, LocalDate born, DocumentType type,
                                     String document) {
        return new MemberForm(null, family, syllables(2), null, sex, born, false, relation, type, document,
                EnumSet.noneOf(Vulnerability.class));
    }

    private static String syllables(int count) {
        String consonants = "bdfklmnprstvz";
        String vowels = "aeiou";
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < count; i++) {
            name.append(consonants.charAt(ThreadLocalRandom.current().nextInt(consonants.length())))
                    .append(vowels.charAt(ThreadLocalRandom.current().nextInt(vowels.length())));
        }
        name.setCharAt(0, Character.toUpperCase(name.charAt(0)));
        return name.toString();
    }

    /** One whole line per write, so that a kill leaves at most a torn last line, which the test ignores. */
    private synchronized void ack(String line) {
        try {
            Files.writeString(acks, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            stop.set(true);
            throw new IllegalStateException(e);
        }
    }

    private void as(String username) {
        UserDetails user = app.getBean(UserDetailsService.class).loadUserByUsername(username);
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        SecurityContextHolderStrategy holder = app.getBeanProvider(SecurityContextHolderStrategy.class)
                .getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        var context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        var staticContext = SecurityContextHolder.createEmptyContext();
        staticContext.setAuthentication(authentication);
        SecurityContextHolder.setContext(staticContext);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
