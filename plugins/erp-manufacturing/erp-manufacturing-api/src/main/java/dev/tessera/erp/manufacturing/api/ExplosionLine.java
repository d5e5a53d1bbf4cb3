package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;

/**
 * A component at one level of an explosion: {@code path} runs from the exploded item to it ("BIKE/WHEEL/SPOKE"),
 * {@code quantity} is what the exploded quantity needs of it, with scrap; {@code bomRevision} the revision of its own
 * bill when it is made or phantom.
 */
public record ExplosionLine(int level, String path, String parentSku, String sku, BigDecimal quantity,
                            Supply supply, Integer bomRevision) {
}
