package dev.tessera.erp.ledger.internal.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.persistence.CascadeType;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.OneToMany;
import javax.persistence.Table;

import dev.tessera.erp.ledger.api.JournalEntry;
import dev.tessera.erp.ledger.api.JournalLine;

/** A posted entry. It has no setters after construction: a posted entry never changes. */
@Entity
@Table(name = "LDG_ENTRY")
public class EntryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "ENTRY_NUMBER", nullable = false, updatable = false)
    private String number;

    @Column(name = "ENTRY_DATE", nullable = false, updatable = false)
    private LocalDate date;

    @Column(name = "PERIOD_ID", nullable = false, updatable = false)
    private String period;

    @Column(name = "DESCRIPTION", nullable = false, updatable = false)
    private String description;

    @Column(name = "SOURCE_MODULE", updatable = false)
    private String sourceModule;

    @Column(name = "SOURCE_REF", updatable = false)
    private String sourceReference;

    @Column(name = "REVERSES", updatable = false)
    private Long reverses;

    @Column(name = "CLOSING", nullable = false, updatable = false)
    private boolean closing;

    @Column(name = "POSTED_BY", nullable = false, updatable = false)
    private String postedBy;

    /** UTC, to the millisecond, as hashed. */
    @Column(name = "POSTED_AT", nullable = false, updatable = false)
    private LocalDateTime postedAt;

    @Column(name = "CURRENCY", nullable = false, updatable = false)
    private String currency;

    @Column(name = "TOTAL", nullable = false, updatable = false)
    private BigDecimal total;

    @Column(name = "CHAIN_SEQ", nullable = false, updatable = false)
    private long chainSeq;

    @Column(name = "PREV_HASH", nullable = false, updatable = false)
    private String prevHash;

    @Column(name = "HASH", nullable = false, updatable = false)
    private String hash;

    @OneToMany(mappedBy = "entry", cascade = CascadeType.PERSIST)
    private List<LineEntity> lines = new ArrayList<>();

    protected EntryEntity() {
    }

    public EntryEntity(JournalEntry entry, String period, boolean closing, long chainSeq, String prevHash) {
        this.number = entry.number();
        this.date = entry.date();
        this.period = period;
        this.description = entry.description();
        this.sourceModule = entry.sourceModule();
        this.sourceReference = entry.sourceReference();
        this.reverses = entry.reverses();
        this.closing = closing;
        this.postedBy = entry.postedBy();
        this.postedAt = LocalDateTime.ofInstant(entry.postedAt(), ZoneOffset.UTC);
        this.currency = entry.currency();
        this.total = entry.total();
        this.chainSeq = chainSeq;
        this.prevHash = prevHash;
        this.hash = entry.hash();
        for (JournalLine line : entry.lines()) {
            lines.add(new LineEntity(this, line));
        }
    }

    public Long id() {
        return id;
    }

    public String number() {
        return number;
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }

    public long chainSeq() {
        return chainSeq;
    }

    /** The entry as a record; {@code reversedBy} comes from the reversal that points at it. */
    public JournalEntry toRecord(Long reversedBy, int scale) {
        return new JournalEntry(id, number, date, description, sourceModule, sourceReference, reverses, reversedBy,
                postedBy, postedAt.toInstant(ZoneOffset.UTC), currency, total.setScale(scale),
                lines.stream().sorted(Comparator.comparingInt(LineEntity::line)).map(l -> l.toRecord(scale)).toList(),
                hash);
    }
}
