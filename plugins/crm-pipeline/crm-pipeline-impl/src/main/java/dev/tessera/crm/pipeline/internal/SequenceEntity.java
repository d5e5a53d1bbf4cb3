package dev.tessera.crm.pipeline.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The next id of one record type; taken under a pessimistic lock so ids never repeat. */
@Entity
@Table(name = "PIP_SEQUENCE")
public class SequenceEntity {
    @Id
    @Column(name = "NAME")
    private String name;

    @Column(name = "NEXT_VALUE")
    private long nextValue;

    protected SequenceEntity() {
    }

    long take() {
        return nextValue++;
    }
}
