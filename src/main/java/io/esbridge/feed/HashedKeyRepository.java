package io.esbridge.feed;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

import io.esbridge.state.Fingerprint;

/**
 * The inboxes' read locks, shared by instances through a JDBC repository. Keys are SHA-256 hex digests of the real
 * ones: the JDBC repository's column holds 100 characters, and a file's absolute path (the read lock's key) may be
 * longer. An instance removes only the locks it took: the file consumer "releases" the lock of a file whose lock it
 * could not get (on abort), which would otherwise delete another instance's lock and let it take the file too.
 */
public class HashedKeyRepository extends ServiceSupport implements IdempotentRepository {

    private final IdempotentRepository delegate;
    private final Set<String> taken = ConcurrentHashMap.newKeySet();

    public HashedKeyRepository(IdempotentRepository delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean add(String key) {
        String hashed = Fingerprint.of(key);
        boolean added = delegate.add(hashed);
        if (added) {
            taken.add(hashed);
        }
        return added;
    }

    @Override
    public boolean contains(String key) {
        return delegate.contains(Fingerprint.of(key));
    }

    @Override
    public boolean remove(String key) {
        String hashed = Fingerprint.of(key);
        return taken.remove(hashed) && delegate.remove(hashed);
    }

    @Override
    public boolean confirm(String key) {
        return delegate.confirm(Fingerprint.of(key));
    }

    @Override
    public void clear() {
        taken.clear();
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
}
