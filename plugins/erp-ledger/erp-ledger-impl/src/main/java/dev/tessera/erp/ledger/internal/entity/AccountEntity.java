package dev.tessera.erp.ledger.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import dev.tessera.erp.ledger.api.Account;
import dev.tessera.erp.ledger.api.AccountType;

@Entity
@Table(name = "LDG_ACCOUNT")
public class AccountEntity {
    @Id
    @Column(name = "CODE")
    private String code;

    @Column(name = "NAME", nullable = false)
    private String name;

    @Column(name = "ACCOUNT_TYPE", nullable = false)
    private String type;

    @Column(name = "PARENT")
    private String parent;

    @Column(name = "HEADER", nullable = false)
    private boolean header;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active;

    protected AccountEntity() {
    }

    public AccountEntity(String code, String name, AccountType type, String parent, boolean header) {
        this.code = code;
        this.name = name;
        this.type = type.name();
        this.parent = parent;
        this.header = header;
        this.active = true;
    }

    public String code() {
        return code;
    }

    public AccountType type() {
        return AccountType.valueOf(type);
    }

    public boolean header() {
        return header;
    }

    public boolean active() {
        return active;
    }

    public void active(boolean value) {
        active = value;
    }

    public Account toRecord() {
        return new Account(code, name, type(), parent, header, active);
    }
}
