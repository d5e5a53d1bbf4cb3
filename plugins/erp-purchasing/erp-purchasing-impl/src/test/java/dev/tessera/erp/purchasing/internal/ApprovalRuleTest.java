package dev.tessera.erp.purchasing.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.tessera.erp.purchasing.api.PurchaseOrder;
import dev.tessera.erp.purchasing.api.PurchaseOrderStatus;
import dev.tessera.platform.api.Roles;
import dev.tessera.platform.api.TesseraException;

class ApprovalRuleTest {
    private final ApprovalRule rule = new ApprovalRule(new BigDecimal("5000"));

    private static PurchaseOrder order(String net, String author, String reviser) {
        return new PurchaseOrder(1, "PO-2026-000001", reviser == null ? 0 : 1, 1, "ACME", "Acme",
                PurchaseOrderStatus.DRAFT, "EUR", LocalDate.of(2026, 3, 1), null, List.of(), new BigDecimal(net),
                BigDecimal.ZERO, new BigDecimal(net), false, null, null, author, reviser, null, null, null, 1);
    }

    private static String code(Runnable approval) {
        return assertThrows(TesseraException.class, approval::run).code();
    }

    @Test
    void atOrBelowTheThresholdPurchasingSufficesAndTheAuthorMayApprove() {
        assertFalse(rule.needsApprover(new BigDecimal("5000.00")));
        assertDoesNotThrow(() -> rule.check(order("5000.00", "ann", null), "ann", Set.of(Roles.PURCHASING)));
        assertDoesNotThrow(() -> rule.check(order("10.00", "ann", null), "bob", Set.of(Roles.PURCHASING_APPROVER)));
        assertEquals("purchasing.approver-required",
                code(() -> rule.check(order("10.00", "ann", null), "vic", Set.of(Roles.VIEWER))));
    }

    @Test
    void aboveTheThresholdAnApproverOrAdminIsNeeded() {
        assertTrue(rule.needsApprover(new BigDecimal("5000.01")));
        assertEquals("purchasing.approver-required",
                code(() -> rule.check(order("5000.01", "ann", null), "bob", Set.of(Roles.PURCHASING))));
        assertDoesNotThrow(() -> rule.check(order("5000.01", "ann", null), "bob", Set.of(Roles.PURCHASING_APPROVER)));
        assertDoesNotThrow(() -> rule.check(order("9000", "ann", null), "root", Set.of(Roles.ADMIN)));
    }

    @Test
    void aboveTheThresholdNeitherTheAuthorNorTheReviserMayApprove() {
        Set<String> approver = Set.of(Roles.PURCHASING, Roles.PURCHASING_APPROVER, Roles.ADMIN);
        assertEquals("purchasing.own-approval", code(() -> rule.check(order("6000", "ann", null), "ann", approver)));
        assertEquals("purchasing.own-approval", code(() -> rule.check(order("6000", "ann", "bob"), "bob", approver)));
        assertDoesNotThrow(() -> rule.check(order("6000", "ann", "bob"), "cid", approver));
    }

    @Test
    void noRolesMeansNoApproval() {
        assertEquals("purchasing.approver-required", code(() -> rule.check(order("1", "ann", null), "bob", null)));
    }
}
