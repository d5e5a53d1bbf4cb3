package dev.tessera.erp.purchasing.internal;

import java.math.BigDecimal;
import java.util.Set;

import dev.tessera.erp.purchasing.api.PurchaseOrder;
import dev.tessera.erp.purchasing.api.PurchasingErrors;
import dev.tessera.platform.api.Roles;
import dev.tessera.platform.api.TesseraException;

/**
 * Who may approve an order: at or below the threshold anyone with role purchasing (or purchasing-approver, admin),
 * the author included; above it only a purchasing-approver or admin who neither wrote the order nor made its last
 * revision.
 */
final class ApprovalRule {
    private final BigDecimal above;

    ApprovalRule(BigDecimal above) {
        this.above = above;
    }

    /** Whether an order of this net total needs a second person's approval. */
    boolean needsApprover(BigDecimal net) {
        return net.compareTo(above) > 0;
    }

    /** Refuses with purchasing.approver-required or purchasing.own-approval when the approver may not approve. */
    void check(PurchaseOrder order, String approver, Set<String> roles) {
        Set<String> have = roles == null ? Set.of() : roles;
        boolean approverRole = have.contains(Roles.PURCHASING_APPROVER) || have.contains(Roles.ADMIN);
        if (!needsApprover(order.net())) {
            if (!approverRole && !have.contains(Roles.PURCHASING)) {
                throw new TesseraException(PurchasingErrors.APPROVER_REQUIRED, "Approving order " + order.number()
                        + " needs role " + Roles.PURCHASING + ", " + Roles.PURCHASING_APPROVER + " or " + Roles.ADMIN);
            }
            return;
        }
        String amount = order.net().toPlainString() + " " + order.currency();
        if (!approverRole) {
            throw new TesseraException(PurchasingErrors.APPROVER_REQUIRED, "Order " + order.number() + " of " + amount
                    + " net is above the approval threshold of " + above.stripTrailingZeros().toPlainString()
                    + ": it needs an approver with role " + Roles.PURCHASING_APPROVER + " or " + Roles.ADMIN);
        }
        if (approver.equals(order.createdBy()) || approver.equals(order.revisedBy())) {
            throw new TesseraException(PurchasingErrors.OWN_APPROVAL, "Order " + order.number() + " of " + amount
                    + " net is above the approval threshold and " + approver + " "
                    + (approver.equals(order.createdBy()) ? "wrote it" : "revised it") + "; another "
                    + Roles.PURCHASING_APPROVER + " must approve it");
        }
    }
}
