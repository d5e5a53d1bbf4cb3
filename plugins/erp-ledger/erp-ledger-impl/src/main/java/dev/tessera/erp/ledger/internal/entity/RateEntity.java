package dev.tessera.erp.ledger.internal.entity;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

import dev.tessera.erp.ledger.api.ExchangeRate;

@Entity
@Table(name = "LDG_RATE")
@IdClass(RateEntity.Key.class)
public class RateEntity {
    /** The primary key: currency and date. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String currency;
        private LocalDate date;

        public Key() {
        }

        public Key(String currency, LocalDate date) {
            this.currency = currency;
            this.date = date;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(currency, k.currency) && Objects.equals(date, k.date);
        }

        @Override
        public int hashCode() {
            return Objects.hash(currency, date);
        }
    }

    @Id
    @Column(name = "CURRENCY")
    private String currency;

    @Id
    @Column(name = "RATE_DATE")
    private LocalDate date;

    @Column(name = "RATE", nullable = false)
    private BigDecimal rate;

    protected RateEntity() {
    }

    public RateEntity(String currency, LocalDate date, BigDecimal rate) {
        this.currency = currency;
        this.date = date;
        this.rate = rate;
    }

    public void rate(BigDecimal value) {
        rate = value;
    }

    public ExchangeRate toRecord() {
        return new ExchangeRate(currency, date, rate.stripTrailingZeros());
    }
}
