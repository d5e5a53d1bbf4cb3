package dev.tessera.erp.ledger.api;

/** LINE: each line's tax is rounded to the cent; DOCUMENT: the total per tax code is, and lines share it out. */
public enum TaxRounding {
    LINE, DOCUMENT
}
