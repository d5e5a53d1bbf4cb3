package dev.tessera.erp.ledger.internal.entity;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

import dev.tessera.erp.ledger.api.JournalLine;

@Entity
@Table(name = "LDG_LINE")
public class LineEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "ENTRY_ID")
    private EntryEntity entry;

    @Column(name = "LINE_NO", nullable = false)
    private int line;

    @Column(name = "ACCOUNT", nullable = false)
    private String account;

    @Column(name = "DEBIT", nullable = false)
    private BigDecimal debit;

    @Column(name = "CREDIT", nullable = false)
    private BigDecimal credit;

    @Column(name = "CURRENCY")
    private String currency;

    @Column(name = "FOREIGN_AMOUNT")
    private BigDecimal foreignAmount;

    @Column(name = "RATE")
    private BigDecimal rate;

    @Column(name = "DEPARTMENT")
    private String department;

    @Column(name = "PROJECT")
    private String project;

    @Column(name = "MEMO")
    private String memo;

    protected LineEntity() {
    }

    public LineEntity(EntryEntity entry, JournalLine line) {
        this.entry = entry;
        this.line = line.line();
        this.account = line.account();
        this.debit = line.debit();
        this.credit = line.credit();
        this.currency = line.currency();
        this.foreignAmount = line.foreignAmount();
        this.rate = line.rate();
        this.department = line.department();
        this.project = line.project();
        this.memo = line.memo();
    }

    public int line() {
        return line;
    }

    public JournalLine toRecord(int scale) {
        return new JournalLine(line, account, debit.setScale(scale), credit.setScale(scale), currency,
                foreignAmount == null ? null : foreignAmount.stripTrailingZeros(),
                rate == null ? null : rate.stripTrailingZeros(), department, project, memo);
    }
}
