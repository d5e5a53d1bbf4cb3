package dev.tessera.erp.inventory.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/dev.tessera.erp.inventory.cfg}. */
@ObjectClassDefinition(name = "Tessera inventory")
public @interface InventoryConfig {
    @AttributeDefinition(description = "ISO 4217 code of the currency stock is valued in (the ledger's base currency)")
    String currency() default "EUR";
}
