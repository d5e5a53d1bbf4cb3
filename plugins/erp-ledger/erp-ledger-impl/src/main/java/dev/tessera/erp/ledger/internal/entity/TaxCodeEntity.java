package dev.tessera.erp.ledger.internal.entity;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import dev.tessera.erp.ledger.api.TaxCode;
import dev.tessera.erp.ledger.api.TaxRounding;

@Entity
@Table(name = "LDG_TAX_CODE")
public class TaxCodeEntity {
    @Id
    @Column(name = "CODE")
    private String code;

    @Column(name = "NAME", nullable = false)
    private String name;

    @Column(name = "RATE", nullable = false)
    private BigDecimal rate;

    @Column(name = "PAYABLE_ACCOUNT", nullable = false)
    private String payableAccount;

    @Column(name = "RECEIVABLE_ACCOUNT", nullable = false)
    private String receivableAccount;

    @Column(name = "INCLUSIVE", nullable = false)
    private boolean inclusive;

    @Column(name = "ROUNDING", nullable = false)
    private String rounding;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active;

    protected TaxCodeEntity() {
    }

    public TaxCodeEntity(TaxCode code) {
        this.code = code.code();
        this.name = code.name();
        this.rate = code.rate();
        this.payableAccount = code.payableAccount();
        this.receivableAccount = code.receivableAccount();
        this.inclusive = code.inclusive();
        this.rounding = code.rounding().name();
        this.active = true;
    }

    public TaxCode toRecord() {
        return new TaxCode(code, name, rate.stripTrailingZeros().scale() < 0 ? rate.setScale(0) : rate.stripTrailingZeros(),
                payableAccount, receivableAccount, inclusive, TaxRounding.valueOf(rounding), active);
    }
}
