package io.esbridge.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * An idempotent repository whose keys are SHA-256 hex digests of the real ones: the JDBC repository's column holds
 * 100 characters, and a file's absolute path (the read lock's key) may be longer.
 */
public class HashedKeyRepository extends ServiceSupport implements IdempotentRepository {

    private final IdempotentRepository delegate;

    public HashedKeyRepository(IdempotentRepository delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean add(String key) {
        return delegate.add(hash(key));
    }

    @Override
    public boolean contains(String key) {
        return delegate.contains(hash(key));
    }

    @Override
    public boolean remove(String key) {
        return delegate.remove(hash(key));
    }

    @Override
    public boolean confirm(String key) {
        return delegate.confirm(hash(key));
    }

    @Override
    public void clear() {
        delegate.clear();
    }

    @Override
    protected void doStart() {
        ServiceHelper.startService(delegate);
    }

    @Override
    protected void doStop() {
        ServiceHelper.stopService(delegate);
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
