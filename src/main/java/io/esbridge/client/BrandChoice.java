package io.esbridge.client;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code es.server.brand} says: a brand given by hand, or {@code auto}, which reads the server's {@code ?WSDL}
 * at start and picks the profile ({@link BrandDetection}). A brand given by hand is checked against that WSDL too.
 * A value, not a record, so that the settings views show it as one setting ({@code es.server.brand}) as operators
 * write it.
 */
public final class BrandChoice {

    public static final String AUTO_ID = "auto";
    public static final BrandChoice AUTO = new BrandChoice(Optional.empty());

    /** The brand written in the settings; empty for {@code auto}. */
    private final Optional<Brand> given;

    private BrandChoice(Optional<Brand> given) {
        this.given = given;
    }

    public static BrandChoice of(Brand brand) {
        return new BrandChoice(Optional.of(Objects.requireNonNull(brand, "brand")));
    }

    /** The brand given by hand; empty for {@code auto}. */
    public Optional<Brand> given() {
        return given;
    }

    /** {@code auto} or a brand's id (or enum name), as operators write it; refuses other names naming the choices. */
    public static BrandChoice parse(String text) {
        String id = text.strip();
        if (id.equalsIgnoreCase(AUTO_ID)) {
            return AUTO;
        }
        try {
            return of(Brand.fromId(id));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(unknown.getMessage() + ", or " + AUTO_ID, unknown);
        }
    }

    public boolean auto() {
        return given.isEmpty();
    }

    /** The brand given by hand; only once {@code auto} has been resolved ({@link BrandDetection#resolve}). */
    public Brand brand() {
        return given.orElseThrow(() -> new IllegalStateException(
                "es.server.brand=auto is resolved by reading the server's WSDL (BrandDetection.resolve) first"));
    }

    /** {@code auto} or the brand's id. */
    public String id() {
        return given.map(Brand::id).orElse(AUTO_ID);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BrandChoice choice && choice.given.equals(given);
    }

    @Override
    public int hashCode() {
        return given.hashCode();
    }

    @Override
    public String toString() {
        return id();
    }
}
