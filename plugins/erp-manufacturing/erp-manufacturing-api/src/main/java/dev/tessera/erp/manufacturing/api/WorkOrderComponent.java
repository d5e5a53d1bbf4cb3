package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;

/**
 * What a work order needs of a component (through phantom bills, with scrap, rounded up to 4 decimals), what was
 * issued of it so far ({@code scrapped} of that reported as scrap) and the inventory's value of what was issued.
 */
public record WorkOrderComponent(int line, String sku, BigDecimal required, BigDecimal issued, BigDecimal scrapped,
                                 BigDecimal issuedValue, Long reservationId) {
}
