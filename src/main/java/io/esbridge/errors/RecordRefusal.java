package io.esbridge.errors;

/**
 * An exception by which a layer above the error channel refuses a record for a reason of its own (not a server
 * error), such as provisioning's {@code ProvisioningException}. {@link Failure} files it as kind PROVISIONING under
 * {@link #reasonName()}, the constant an operator filters dead letters on. An interface owned here so that the error
 * channel can classify what provisioning throws without importing provisioning, which imports it.
 */
public interface RecordRefusal {

    /** Why, as a short constant (e.g. USERNAME_TAKEN). */
    String reasonName();

    /** One readable sentence (implemented by {@link Throwable#getMessage()}). */
    String getMessage();
}
