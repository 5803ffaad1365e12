package org.fieldaid.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fieldaid.approval.Approvals;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/** Stock sent between warehouses: it is in transit until counted in, and what did not arrive shows as lost. */
@IntegrationTest
class AidTransferTest {

    @Autowired Aid aid;
    @Autowired AidStore store;
    @Autowired Approvals approvals;
    @Autowired HouseholdRegistry registry;
    @Autowired TransactionTemplate transactions;
    @Autowired SignIn signIn;
    @Autowired JdbcTemplate jdbc;
    AidFixture fx;

    @BeforeEach
    void fixture() {
        fx = new AidFixture(aid, store, approvals, registry, transactions, signIn, jdbc);
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void aTransferLeavesTheSenderAtOnceReachesTheReceiverAsCountedAndShowsTheLoss() {
        long hygiene = fx.type("HYGIENE");
        long from = fx.warehouse("HYGIENE", 30);
        long to = fx.warehouse("HYGIENE", 0);
        signIn.as("mchs.supervisor");
        TransferRow sent = aid.sendTransfer(new TransferForm(from, to, hygiene, 20, "TR-T-1", "Truck 12"));
        assertThat(sent.status()).isEqualTo(TransferStatus.IN_TRANSIT);
        assertThat(store.balance(from, hygiene)).isEqualTo(10);
        assertThat(store.balance(to, hygiene)).isZero();
        assertThat(aid.inTransitTo(to)).containsEntry(hygiene, 20);
        assertThat(aid.transfers(to, 10)).extracting(TransferRow::id).contains(sent.id());

        TransferRow received = aid.receiveTransfer(sent.id(), sent.version(), 17);
        assertThat(received.status()).isEqualTo(TransferStatus.RECEIVED);
        assertThat(received.lost()).isEqualTo(3);
        assertThat(store.balance(to, hygiene)).isEqualTo(17).isEqualTo(store.ledgerSum(to, hygiene));
        assertThat(store.balance(from, hygiene)).isEqualTo(10).isEqualTo(store.ledgerSum(from, hygiene));
        assertThat(aid.inTransitTo(to)).doesNotContainKey(hygiene);
        assertThat(aid.ledger(to, hygiene, 5)).extracting(MovementRow::kind).containsExactly(MovementKind.TRANSFER_RECEIVED);
        assertThat(aid.ledger(from, hygiene, 5)).extracting(MovementRow::kind)
                .containsExactly(MovementKind.TRANSFER_SENT, MovementKind.RECEIPT);
        assertThat(fx.audited("AID_TRANSFER_RECEIVED", sent.id())).isEqualTo(1);
        // counted once: a second count is refused and changes nothing
        assertThatThrownBy(() -> aid.receiveTransfer(sent.id(), received.version(), 3))
                .isInstanceOf(InvalidInputException.class);
        assertThat(store.balance(to, hygiene)).isEqualTo(17);
    }

    @Test
    void aTransferNeverTakesMoreThanTheSenderHoldsNorReceivesMoreThanWasSent() {
        long hygiene = fx.type("HYGIENE");
        long from = fx.warehouse("HYGIENE", 5);
        long to = fx.warehouse("HYGIENE", 0);
        signIn.as("mchs.supervisor");
        assertThatThrownBy(() -> aid.sendTransfer(new TransferForm(from, to, hygiene, 6, "TR-T-2", null)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().get("quantity"))
                        .containsExactly("aid.error.transfer-above-stock"));
        assertThat(store.balance(from, hygiene)).isEqualTo(5).isEqualTo(store.ledgerSum(from, hygiene));
        assertThatThrownBy(() -> aid.sendTransfer(new TransferForm(from, from, hygiene, 1, "", null)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .containsOnlyKeys("toWarehouse", "waybill"));
        TransferRow sent = aid.sendTransfer(new TransferForm(from, to, hygiene, 5, "TR-T-3", null));
        assertThatThrownBy(() -> aid.receiveTransfer(sent.id(), sent.version(), 6))
                .isInstanceOf(InvalidInputException.class);
        assertThat(aid.receiveTransfer(sent.id(), sent.version(), 0).lost()).isEqualTo(5);
        assertThat(store.balance(to, hygiene)).isZero();
    }

    @Test
    void onlyThoseWhoManageStockSendOrReceive() {
        long hygiene = fx.type("HYGIENE");
        long from = fx.warehouse("HYGIENE", 5);
        long to = fx.warehouse("HYGIENE", 0);
        for (String user : List.of("mchs.officer", "border.officer", "mod.officer", "admin")) {
            signIn.as(user);
            assertThatThrownBy(() -> aid.sendTransfer(new TransferForm(from, to, hygiene, 1, "TR-X", null)))
                    .as(user).isInstanceOf(AccessDeniedException.class);
            signIn.out();
        }
        assertThat(store.balance(from, hygiene)).isEqualTo(5);
    }
}
