package dev.tessera.crm.marketing.api;

/**
 * How a conversion's revenue is shared among the touches before it: all to the first or the last, equal shares,
 * 40 % first, 40 % last and 20 % over those between (U-shaped), or by a weight halving with each half-life of time
 * before the conversion (time decay).
 */
public enum AttributionModel {
    FIRST_TOUCH, LAST_TOUCH, LINEAR, U_SHAPED, TIME_DECAY
}
