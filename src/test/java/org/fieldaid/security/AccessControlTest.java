package org.fieldaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fieldaid.aid.Aid;
import org.fieldaid.aid.CorrectionForm;
import org.fieldaid.aid.DeliveryForm;
import org.fieldaid.aid.ExceptionForm;
import org.fieldaid.aid.PackageTypeForm;
import org.fieldaid.aid.TransferForm;
import org.fieldaid.aid.ReceiptForm;
import org.fieldaid.aid.RoundForm;
import org.fieldaid.audit.AuditFilter;
import org.fieldaid.approval.Approvals;
import org.fieldaid.approval.InboxFilter;
import org.fieldaid.audit.AuditLog;
import java.io.OutputStream;
import org.fieldaid.household.HouseholdExports;
import org.fieldaid.household.HouseholdFilter;
import org.fieldaid.report.ColumnAccess;
import org.fieldaid.report.ExportOptions;
import org.fieldaid.report.Exports;
import org.springframework.data.domain.Sort;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.RegistrationForm;
import org.fieldaid.settlement.SettlementForm;
import org.fieldaid.settlement.Settlements;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Generated from the permission matrix: for every demo user, every guarded service call must be refused exactly
 * when the matrix does not give the user the authority the call needs, and every route must open exactly for the
 * users the matrix allows. Calls that are allowed get input that fails validation, so the test changes no data.
 */
@IntegrationTest
class AccessControlTest {

    /** A guarded call, and the authorities of which the caller needs one (empty: any signed-in user). */
    record Operation(String name, Set<Authority> anyOf, Consumer<AccessControlTest> call) {
    }

    /** Each route, and the authorities of which it needs one (empty: any signed-in user; anyone for login). */
    static final Map<String, Set<Authority>> ROUTES = new TreeMap<>();

    static {
        ROUTES.put("", EnumSet.noneOf(Authority.class));
        ROUTES.put("login", EnumSet.noneOf(Authority.class));
        ROUTES.put("admin/users", EnumSet.of(Authority.USER_MANAGE));
        ROUTES.put("admin/agencies", EnumSet.of(Authority.AGENCY_MANAGE));
        ROUTES.put("admin/settlements", EnumSet.of(Authority.SETTLEMENT_MANAGE));
        ROUTES.put("admin/audit", EnumSet.of(Authority.AUDIT_READ));
        ROUTES.put("admin/backup", EnumSet.of(Authority.BACKUP_RUN));
        ROUTES.put("households", EnumSet.of(Authority.HOUSEHOLD_READ, Authority.HOUSEHOLD_READ_CONSENTED));
        ROUTES.put("households/new", EnumSet.of(Authority.HOUSEHOLD_WRITE));
        ROUTES.put("households/:id([0-9]{1,18})", EnumSet.of(Authority.HOUSEHOLD_READ, Authority.HOUSEHOLD_READ_CONSENTED));
        ROUTES.put("aid/distribute", EnumSet.of(Authority.AID_DISTRIBUTE));
        ROUTES.put("aid/stock", EnumSet.of(Authority.AID_READ, Authority.STOCK_MANAGE));
        ROUTES.put("aid/rounds", EnumSet.of(Authority.AID_READ, Authority.AID_PLAN));
        ROUTES.put("aid/exceptions", EnumSet.of(Authority.AID_READ));
        ROUTES.put("aid/receipt", EnumSet.of(Authority.AID_READ));
        ROUTES.put("aid/day-list", EnumSet.of(Authority.AID_READ));
        ROUTES.put("aid/packages", EnumSet.of(Authority.AID_READ, Authority.CATALOGUE_MANAGE));
        ROUTES.put("approvals", EnumSet.of(Authority.HOUSEHOLD_APPROVE, Authority.AID_APPROVE, Authority.JOURNEY_APPROVE));
        // journeys (their service calls: org.fieldaid.journey.JourneyAccessTest)
        ROUTES.put("journeys", EnumSet.of(Authority.JOURNEY_READ, Authority.JOURNEY_PLAN));
        ROUTES.put("journeys/convoys", EnumSet.of(Authority.CONVOY_MANAGE));
        ROUTES.put("journeys/convoys/manifest", EnumSet.of(Authority.CONVOY_MANAGE));
        ROUTES.put("checkpoint", EnumSet.of(Authority.CHECKPOINT_LOG));
        ROUTES.put("settlements/return-status", EnumSet.of(Authority.SETTLEMENT_STATUS, Authority.SETTLEMENT_MANAGE));
        ROUTES.put("reports", EnumSet.of(Authority.REPORT_READ));
        ROUTES.put("reports/situation", EnumSet.of(Authority.REPORT_READ));
        // referrals (their service calls: org.fieldaid.security.ReferralAccessTest)
        ROUTES.put("referrals", EnumSet.of(Authority.REFERRAL_RECEIVE));
        ROUTES.put("referrals/sent", EnumSet.of(Authority.REFERRAL_READ, Authority.REFERRAL_SEND,
                Authority.REFERRAL_SUPERVISE));
        ROUTES.put("admin/services", EnumSet.of(Authority.AGENCY_MANAGE));
    }

    static final Set<Authority> READERS = EnumSet.of(Authority.HOUSEHOLD_READ, Authority.HOUSEHOLD_READ_CONSENTED);
    static final Set<Authority> APPROVERS = EnumSet.of(Authority.HOUSEHOLD_APPROVE, Authority.AID_APPROVE,
            Authority.JOURNEY_APPROVE);
    static final RegistrationForm INVALID_HOUSEHOLD = new RegistrationForm(null, null, null, null, null, false, false,
            null, null);
    static final SettlementForm INVALID_SETTLEMENT = new SettlementForm("bad", "", BigDecimal.valueOf(100),
            BigDecimal.ZERO, null, false, null, Map.of());
    static final ReceiptForm INVALID_RECEIPT = new ReceiptForm(null, null, 0, "", "");
    static final CorrectionForm INVALID_CORRECTION = new CorrectionForm(null, null, 0, null, "");
    static final RoundForm INVALID_ROUND = new RoundForm(null, null, Set.of(), null, null);
    static final DeliveryForm INVALID_DELIVERY = new DeliveryForm(null, 0, null, null, null, null, false, "");
    static final Set<Authority> EXPORTERS = EnumSet.of(Authority.EXPORT_PERSONAL, Authority.EXPORT_AGGREGATE);
    /** A search that finds no household, so that an allowed export or stream reads nothing. */
    static final HouseholdFilter NOBODY = HouseholdFilter.text("Qqqqxxqqq");
    static final ExceptionForm INVALID_EXCEPTION = new ExceptionForm(null, null, 0, null, "");
    static final TransferForm INVALID_TRANSFER = new TransferForm(null, null, null, 0, "", null);
    static final PackageTypeForm INVALID_PACKAGE_TYPE = new PackageTypeForm("", "", "", "", "", "", null, null, 0,
            null, null, null, true);
    static final UserForm INVALID_USER = new UserForm("X", "", null, Set.of(), true, "");

    static final List<Operation> OPERATIONS = List.of(
            op("UserAdministration.find", EnumSet.of(Authority.USER_MANAGE), t -> t.userAdmin.find("", PageRequest.of(0, 5))),
            op("UserAdministration.count", EnumSet.of(Authority.USER_MANAGE), t -> t.userAdmin.count("")),
            op("UserAdministration.create", EnumSet.of(Authority.USER_MANAGE), t -> t.userAdmin.create(INVALID_USER)),
            op("UserAdministration.update", EnumSet.of(Authority.USER_MANAGE), t -> t.userAdmin.update(-1, 0, INVALID_USER)),
            op("UserAdministration.resetPassword", EnumSet.of(Authority.USER_MANAGE), t -> t.userAdmin.resetPassword(-1, "x")),
            op("UserAdministration.unlock", EnumSet.of(Authority.USER_MANAGE), t -> t.userAdmin.unlock(-1)),
            op("UserAdministration.setEnabled", EnumSet.of(Authority.USER_MANAGE), t -> t.userAdmin.setEnabled(-1, true)),
            op("AgencyAdministration.all", EnumSet.of(Authority.USER_MANAGE, Authority.AGENCY_MANAGE), t -> t.agencyAdmin.all()),
            op("AgencyAdministration.create", EnumSet.of(Authority.AGENCY_MANAGE),
                    t -> t.agencyAdmin.create("bad code", "", EnumSet.noneOf(Capability.class))),
            op("AgencyAdministration.update", EnumSet.of(Authority.AGENCY_MANAGE),
                    t -> t.agencyAdmin.update(-1, 0, "", EnumSet.noneOf(Capability.class), true)),
            op("Settlements.all", EnumSet.noneOf(Authority.class), t -> t.settlements.all()),
            op("Settlements.create", EnumSet.of(Authority.SETTLEMENT_MANAGE), t -> t.settlements.create(INVALID_SETTLEMENT)),
            op("Settlements.update", EnumSet.of(Authority.SETTLEMENT_MANAGE),
                    t -> t.settlements.update(-1, 0, INVALID_SETTLEMENT)),
            op("AuditLog.find", EnumSet.of(Authority.AUDIT_READ), t -> t.auditLog.find(AuditFilter.none(), PageRequest.of(0, 5))),
            op("AuditLog.count", EnumSet.of(Authority.AUDIT_READ), t -> t.auditLog.count(AuditFilter.none())),
            op("AuditLog.actions", EnumSet.of(Authority.AUDIT_READ), t -> t.auditLog.actions()),
            op("UserPreferences.preferredLocale", EnumSet.noneOf(Authority.class), t -> t.preferences.preferredLocale()),
            op("HouseholdRegistry.find", READERS, t -> t.households.find(HouseholdFilter.none(), PageRequest.of(0, 5))),
            op("HouseholdRegistry.count", READERS, t -> t.households.count(HouseholdFilter.none())),
            op("HouseholdRegistry.get", READERS, t -> t.households.get(-1)),
            op("HouseholdRegistry.history", READERS, t -> t.households.history(-1)),
            op("HouseholdRegistry.approvals", READERS, t -> t.households.approvals(-1)),
            op("HouseholdRegistry.consents", READERS, t -> t.households.consents(-1)),
            op("HouseholdRegistry.maySee", READERS, t -> t.households.maySee(-1)),
            op("HouseholdRegistry.duplicatesOf", EnumSet.of(Authority.HOUSEHOLD_READ),
                    t -> t.households.duplicatesOf(-1)),
            op("HouseholdRegistry.pendingChange", EnumSet.of(Authority.HOUSEHOLD_READ),
                    t -> t.households.pendingChange(-1)),
            op("AuditLog.historyOf(HOUSEHOLD)", EnumSet.of(Authority.AUDIT_READ, Authority.HOUSEHOLD_READ,
                    Authority.HOUSEHOLD_READ_CONSENTED), t -> t.auditLog.historyOf("HOUSEHOLD", "FA-0000-000000")),
            op("Approvals.requestsFor(REGISTRATION)", READERS,
                    t -> t.approvals.requestsFor(HouseholdRegistry.APPROVAL_KIND, -1)),
            op("Approvals.requestsFor(HOUSEHOLD_CHANGE)", READERS,
                    t -> t.approvals.requestsFor(HouseholdRegistry.CHANGE_APPROVAL_KIND, -1)),
            op("Approvals.kind", APPROVERS, t -> t.approvals.kind(HouseholdRegistry.APPROVAL_KIND)),
            op("HouseholdRegistry.saveDraft", EnumSet.of(Authority.HOUSEHOLD_WRITE), t -> t.households.saveDraft(INVALID_HOUSEHOLD)),
            op("HouseholdRegistry.update", EnumSet.of(Authority.HOUSEHOLD_WRITE), t -> t.households.update(-1, 0, INVALID_HOUSEHOLD)),
            op("HouseholdRegistry.submit", EnumSet.of(Authority.HOUSEHOLD_WRITE), t -> t.households.submit(-1, 0, null)),
            op("HouseholdRegistry.saveAndSubmit", EnumSet.of(Authority.HOUSEHOLD_WRITE),
                    t -> t.households.saveAndSubmit(null, 0, INVALID_HOUSEHOLD, null)),
            op("HouseholdRegistry.problems", EnumSet.of(Authority.HOUSEHOLD_WRITE),
                    t -> t.households.problems(INVALID_HOUSEHOLD, true)),
            op("HouseholdRegistry.possibleDuplicates", EnumSet.of(Authority.HOUSEHOLD_WRITE),
                    t -> t.households.possibleDuplicates(INVALID_HOUSEHOLD, null)),
            op("Approvals.inbox", APPROVERS, t -> t.approvals.inbox(new InboxFilter(null, null), PageRequest.of(0, 5))),
            op("Approvals.countInbox", APPROVERS, t -> t.approvals.countInbox(new InboxFilter(null, null))),
            op("Approvals.get", APPROVERS, t -> t.approvals.get(-1)),
            op("Approvals.approve", APPROVERS, t -> t.approvals.approve(-1, 0)),
            op("Approvals.reject", APPROVERS, t -> t.approvals.reject(-1, 0, "")),
            op("Aid.packageTypes", EnumSet.of(Authority.AID_READ, Authority.CATALOGUE_MANAGE), t -> t.aid.packageTypes()),
            op("Aid.warehouses", EnumSet.of(Authority.AID_READ), t -> t.aid.warehouses()),
            op("Aid.stock", EnumSet.of(Authority.AID_READ), t -> t.aid.stock(-1)),
            op("Aid.ledger", EnumSet.of(Authority.AID_READ), t -> t.aid.ledger(-1, -1, 5)),
            op("Aid.receive", EnumSet.of(Authority.STOCK_MANAGE), t -> t.aid.receive(INVALID_RECEIPT)),
            op("Aid.correct", EnumSet.of(Authority.STOCK_MANAGE), t -> t.aid.correct(INVALID_CORRECTION)),
            op("Aid.setMinimumLevel", EnumSet.of(Authority.STOCK_MANAGE), t -> t.aid.setMinimumLevel(-1, -1, -1)),
            op("Aid.rounds", EnumSet.of(Authority.AID_READ), t -> t.aid.rounds()),
            op("Aid.round", EnumSet.of(Authority.AID_READ), t -> t.aid.round(-1)),
            op("Aid.maySeeRound", EnumSet.of(Authority.AID_READ), t -> t.aid.maySeeRound(-1)),
            op("Aid.needs", EnumSet.of(Authority.AID_READ), t -> t.aid.needs(-1)),
            op("Aid.entitlementsOfRound", EnumSet.of(Authority.AID_READ), t -> t.aid.entitlementsOfRound(-1, 5)),
            op("Aid.planRound", EnumSet.of(Authority.AID_PLAN), t -> t.aid.planRound(INVALID_ROUND)),
            op("Aid.compute", EnumSet.of(Authority.AID_PLAN), t -> t.aid.compute(-1)),
            op("Aid.submitRound", EnumSet.of(Authority.AID_PLAN), t -> t.aid.submitRound(-1, 0)),
            op("Aid.entitlementsOf", EnumSet.of(Authority.AID_READ), t -> t.aid.entitlementsOf(-1)),
            op("Aid.deliveriesOf", EnumSet.of(Authority.AID_READ), t -> t.aid.deliveriesOf(-1)),
            op("Aid.deliver", EnumSet.of(Authority.AID_DISTRIBUTE), t -> t.aid.deliver(INVALID_DELIVERY)),
            op("Aid.duplicateDeliveries", EnumSet.of(Authority.AID_DISTRIBUTE), t -> t.aid.duplicateDeliveries(-1)),
            op("Aid.voidDelivery", EnumSet.of(Authority.AID_APPROVE), t -> t.aid.voidDelivery(-1, 0, "")),
            op("Aid.requestException", EnumSet.of(Authority.AID_PLAN), t -> t.aid.requestException(INVALID_EXCEPTION)),
            op("Aid.exception", EnumSet.of(Authority.AID_READ), t -> t.aid.exception(-1)),
            op("Aid.maySeeException", EnumSet.of(Authority.AID_READ), t -> t.aid.maySeeException(-1)),
            op("Aid.exceptionsOf", EnumSet.of(Authority.AID_READ), t -> t.aid.exceptionsOf(-1)),
            op("Approvals.requestsFor(AID_EXCEPTION)", EnumSet.of(Authority.AID_READ),
                    t -> t.approvals.requestsFor(Aid.EXCEPTION_APPROVAL_KIND, -1)),
            op("Aid.sendTransfer", EnumSet.of(Authority.STOCK_MANAGE), t -> t.aid.sendTransfer(INVALID_TRANSFER)),
            op("Aid.receiveTransfer", EnumSet.of(Authority.STOCK_MANAGE), t -> t.aid.receiveTransfer(-1, 0, 1)),
            op("Aid.transfers", EnumSet.of(Authority.AID_READ), t -> t.aid.transfers(-1, 5)),
            op("Aid.inTransitTo", EnumSet.of(Authority.AID_READ), t -> t.aid.inTransitTo(-1)),
            op("Aid.reconciliation", EnumSet.of(Authority.AID_READ), t -> t.aid.reconciliation(-1)),
            op("Aid.receipt", EnumSet.of(Authority.AID_READ), t -> t.aid.receipt("R-0000-0000000")),
            op("Aid.deliveriesAt", EnumSet.of(Authority.AID_READ), t -> t.aid.deliveriesAt(-1, java.time.LocalDate.now())),
            op("Aid.packageTypeProblems", EnumSet.of(Authority.CATALOGUE_MANAGE),
                    t -> t.aid.packageTypeProblems(null, INVALID_PACKAGE_TYPE)),
            op("Aid.savePackageType", EnumSet.of(Authority.CATALOGUE_MANAGE),
                    t -> t.aid.savePackageType(null, 0, INVALID_PACKAGE_TYPE)),
            op("HouseholdRegistry.forEachHousehold", READERS,
                    t -> t.households.forEachHousehold(NOBODY, Sort.unsorted(), row -> { })),
            op("HouseholdRegistry.forEachPerson", READERS,
                    t -> t.households.forEachPerson(NOBODY, Sort.unsorted(), row -> { })),
            op("Exports.columnsFor", EXPORTERS, t -> t.exports.columnsFor(t.householdExports.households(NOBODY,
                    Sort.unsorted()))),
            op("Exports.mayTake", EXPORTERS, t -> t.exports.mayTake(t.householdExports.households(NOBODY,
                    Sort.unsorted()), ColumnAccess.PERSONAL)),
            op("Exports.write", EXPORTERS, t -> t.exports.write(t.householdExports.households(NOBODY, Sort.unsorted()),
                    new ExportOptions(false, false, "too short"), OutputStream.nullOutputStream(), () -> true,
                    rows -> { })));

    @Autowired UserAdministration userAdmin;
    @Autowired AgencyAdministration agencyAdmin;
    @Autowired Settlements settlements;
    @Autowired AuditLog auditLog;
    @Autowired UserPreferences preferences;
    @Autowired HouseholdRegistry households;
    @Autowired Approvals approvals;
    @Autowired Aid aid;
    @Autowired Exports exports;
    @Autowired HouseholdExports householdExports;
    @Autowired UserDetailsService userDetails;
    @Autowired SignIn signIn;

    private static Operation op(String name, Set<Authority> anyOf, Consumer<AccessControlTest> call) {
        return new Operation(name, anyOf, call);
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @TestFactory
    Stream<DynamicContainer> everyServiceCallIsRefusedExactlyWhereTheMatrixSaysSo() {
        return DemoUsers.ACCOUNTS.stream().map(demo -> {
            Set<Authority> granted = grantedTo(demo);
            return DynamicContainer.dynamicContainer(demo.username(), OPERATIONS.stream().map(op -> {
                boolean allowed = op.anyOf().isEmpty() || op.anyOf().stream().anyMatch(granted::contains);
                return DynamicTest.dynamicTest(op.name() + (allowed ? " is allowed" : " is refused"), () -> {
                    signIn.as(demo.username());
                    try {
                        if (allowed) {
                            assertDoesNotThrowAccessDenied(op);
                        } else {
                            assertThatThrownBy(() -> op.call().accept(this)).isInstanceOf(AccessDeniedException.class);
                        }
                    } finally {
                        signIn.out();
                    }
                });
            }));
        });
    }

    private void assertDoesNotThrowAccessDenied(Operation op) {
        try {
            op.call().accept(this);
        } catch (AccessDeniedException e) {
            throw new AssertionError(op.name() + " was refused", e);
        } catch (RuntimeException expectedForInvalidInput) {
            assertThat(expectedForInvalidInput).isInstanceOfAny(org.fieldaid.base.InvalidInputException.class,
                    org.fieldaid.base.RecordNotFoundException.class);
        }
    }

    @Test
    void anonymousCallersAreRefusedEverywhere() {
        for (Operation op : OPERATIONS) {
            assertThatThrownBy(() -> op.call().accept(this)).as(op.name())
                    .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        }
    }

    @TestFactory
    Stream<DynamicContainer> everyRouteOpensExactlyForTheUsersTheMatrixAllows() {
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        Map<String, Class<?>> views = routes();
        return DemoUsers.ACCOUNTS.stream().map(demo -> {
            Set<Authority> granted = grantedTo(demo);
            var details = userDetails.loadUserByUsername(demo.username());
            Set<String> codes = details.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .collect(Collectors.toSet());
            Principal principal = demo::username;
            return DynamicContainer.dynamicContainer(demo.username(), views.entrySet().stream().map(route -> {
                Set<Authority> needed = ROUTES.get(route.getKey());
                boolean expected = needed.isEmpty() || needed.stream().anyMatch(granted::contains);
                return DynamicTest.dynamicTest("/" + route.getKey() + (expected ? " opens" : " is refused"),
                        () -> assertThat(checker.hasAccess(route.getValue(), principal, codes::contains))
                                .isEqualTo(expected));
            }));
        });
    }

    @Test
    void everyRouteIsInTheAccessTable() {
        assertThat(routes().keySet()).isEqualTo(ROUTES.keySet());
    }

    @Test
    void noRouteIsOpenToAnonymousVisitorsButLogin() {
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        List<String> open = new ArrayList<>();
        routes().forEach((path, view) -> {
            if (checker.hasAccess(view, null, role -> false)) {
                open.add(path);
            }
        });
        assertThat(open).containsExactly("login");
    }

    private Set<Authority> grantedTo(DemoUsers.Demo demo) {
        return PermissionMatrix.authorities(agencyCapabilities(demo.agency()), demo.roles());
    }

    private Set<Capability> agencyCapabilities(String agencyCode) {
        return signIn.run("admin", () -> agencyAdmin.all().stream().filter(a -> a.code().equals(agencyCode))
                .findFirst().orElseThrow().capabilities());
    }

    static Map<String, Class<?>> routes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Map<String, Class<?>> result = new TreeMap<>();
        for (var bean : scanner.findCandidateComponents("org.fieldaid")) {
            try {
                Class<?> type = Class.forName(bean.getBeanClassName());
                result.put(type.getAnnotation(Route.class).value(), type);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return result;
    }

    @Test
    void theSetOfDemoUsersCoversEveryAgencyInTheIssue() {
        assertThat(DemoUsers.ACCOUNTS.stream().map(DemoUsers.Demo::username).toList())
                .containsExactlyInAnyOrder("admin", "mchs.officer", "mchs.supervisor", "mchs.supervisor2", "mod.officer",
                        "mod.supervisor", "border.officer", "mfa.analyst", "mfa.coordinator", "health.officer",
                        "partner.analyst", "health.supervisor", "partner.officer", "mchs.analyst", "mod.analyst");
    }
}
