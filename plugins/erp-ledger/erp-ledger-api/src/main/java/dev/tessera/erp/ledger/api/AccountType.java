package dev.tessera.erp.ledger.api;

/** The five kinds of account of double-entry bookkeeping. */
public enum AccountType {
    ASSET(true, true),
    LIABILITY(false, true),
    EQUITY(false, true),
    REVENUE(false, false),
    EXPENSE(true, false);

    private final boolean debitNormal;
    private final boolean balanceSheet;

    AccountType(boolean debitNormal, boolean balanceSheet) {
        this.debitNormal = debitNormal;
        this.balanceSheet = balanceSheet;
    }

    /** True when a debit increases the account (assets, expenses). */
    public boolean debitNormal() {
        return debitNormal;
    }

    /** True for balance sheet accounts; false for profit and loss accounts, which a year-end close empties. */
    public boolean balanceSheet() {
        return balanceSheet;
    }
}
