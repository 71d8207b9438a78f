package dev.veil.policy.mask;

import java.util.Objects;

/**
 * Renders mask functions as SQL expressions of one engine, written by its {@link MaskDialect}.
 *
 * <p>Every expression is parenthesized, so it can stand wherever an expression may; it keeps NULL as NULL, counts
 * characters as Unicode code points on every engine, and depends on no session setting a client can change, with the
 * exceptions documented in {@code docs/masking.md} (the session time zone for {@code year} on time-zone-aware
 * timestamps). The column expression is repeated inside the result, so it should be a column reference or another
 * cheap deterministic expression.
 */
public final class MaskRenderer {

    private final MaskDialect dialect;
    private final HashKey hashKey;

    private MaskRenderer(MaskDialect dialect, HashKey hashKey) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.hashKey = hashKey;
    }

    /**
     * @param hashKey the hash key, or null when none is configured (rendering a {@code hash} mask then fails)
     */
    public static MaskRenderer of(MaskDialect dialect, HashKey hashKey) {
        return new MaskRenderer(dialect, hashKey);
    }

    public MaskDialect dialect() {
        return dialect;
    }

    /**
     * The SQL expression that masks {@code columnSql}, a column of family {@code type}.
     *
     * @throws IllegalStateException for a {@code hash} mask when no hash key is configured
     */
    public String render(Mask mask, String columnSql, ValueType type) {
        Mask effective = mask.effectiveFor(type);
        String c = "(" + columnSql + ")";
        String body = switch (effective.kind()) {
            case NULL -> dialect.nullOf(c);
            case REDACT -> dialect.redact(c, type);
            case PARTIAL -> dialect.partial(c, effective);
            case EMAIL -> dialect.email(c);
            case HASH -> dialect.hash(c, type, requireHashKey().fingerprintHex());
            case YEAR -> dialect.year(c, type);
            case ROUND -> round(c, type, effective);
        };
        return "(" + body + ")";
    }

    private HashKey requireHashKey() {
        if (hashKey == null) {
            throw new IllegalStateException("veil: the hash mask needs a hash key (veil.hashKey or VEIL_HASH_KEY)");
        }
        return hashKey;
    }

    /** The arithmetic of the value's family, as {@link ReferenceMasker} chooses it. */
    private String round(String c, ValueType type, Mask mask) {
        if (type == ValueType.FLOATING) {
            return dialect.roundFloating(c, mask.step().doubleValue());
        }
        if (type == ValueType.INTEGER && mask.integralStep()) {
            return dialect.roundInteger(c, mask.step().longValueExact());
        }
        return dialect.roundDecimal(c, type, mask.step());
    }
}
