package io.esbridge.client;

/**
 * An Enterprise Server served by this very process (the sandbox, when it is on): the target when
 * {@code es.server.url} is empty. A bean of this type says it is there; the client knows nothing else of it, so that
 * the client never depends on the sandbox (the sandbox depends on the client's brands and shapes).
 */
public interface BuiltInServer {}
