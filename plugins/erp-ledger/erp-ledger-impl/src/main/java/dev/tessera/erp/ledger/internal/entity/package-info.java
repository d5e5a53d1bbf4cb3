/** The ledger's JPA entities: private to this bundle; services hand out records. */
package dev.tessera.erp.ledger.internal.entity;
