package dev.tessera.itest.notes.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "ITN_NOTE")
public class NoteEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "TEXT", nullable = false, length = 200)
    private String text;

    protected NoteEntity() {
    }

    NoteEntity(String text) {
        this.text = text;
    }

    Long id() {
        return id;
    }

    String text() {
        return text;
    }
}
