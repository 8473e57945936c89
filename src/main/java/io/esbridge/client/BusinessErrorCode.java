package io.esbridge.client;

/**
 * One BusinessErrorCodes value. Where two constants share a value (MySQL/MariaDB, Lync/SfB) the name joins both.
 *
 * @param code         the negative value
 * @param constantName the constant's name in BusinessErrorCodes.cs, e.g. {@code ERROR_USER_ALREADY_EXISTS}
 * @param group        the source region, e.g. {@code Users}
 * @param explanation  a sentence a person understands
 */
public record BusinessErrorCode(int code, String constantName, String group, String explanation) {}
