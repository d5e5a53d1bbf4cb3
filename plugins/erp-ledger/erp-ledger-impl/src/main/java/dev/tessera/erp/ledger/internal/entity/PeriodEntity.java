package dev.tessera.erp.ledger.internal.entity;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import dev.tessera.erp.ledger.api.FiscalPeriod;
import dev.tessera.erp.ledger.api.PeriodState;

@Entity
@Table(name = "LDG_PERIOD")
public class PeriodEntity {
    @Id
    @Column(name = "ID")
    private String id;

    @Column(name = "FISCAL_YEAR", nullable = false)
    private int fiscalYear;

    @Column(name = "START_DATE", nullable = false)
    private LocalDate start;

    @Column(name = "END_DATE", nullable = false)
    private LocalDate end;

    @Column(name = "STATE", nullable = false)
    private String state;

    protected PeriodEntity() {
    }

    public PeriodEntity(String id, int fiscalYear, LocalDate start, LocalDate end) {
        this.id = id;
        this.fiscalYear = fiscalYear;
        this.start = start;
        this.end = end;
        this.state = PeriodState.OPEN.name();
    }

    public String id() {
        return id;
    }

    public int fiscalYear() {
        return fiscalYear;
    }

    public PeriodState state() {
        return PeriodState.valueOf(state);
    }

    public void state(PeriodState value) {
        state = value.name();
    }

    public FiscalPeriod toRecord() {
        return new FiscalPeriod(id, fiscalYear, start, end, state());
    }
}
