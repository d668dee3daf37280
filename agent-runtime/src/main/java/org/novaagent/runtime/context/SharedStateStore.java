/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.context;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * In-memory state that outlives one request, keyed by (module, class): handlers of one module
 * (keyinit and password) share it, handlers of other modules cannot see it. Never persisted.
 */
public final class SharedStateStore {

    private record Key(Module module, Class<?> type) {
    }

    private final Map<Key, Object> states = new ConcurrentHashMap<>();

    /**
     * @param owner   the module of the handler asking
     * @param type    the state's class
     * @param factory creates the state the first time
     * @param <T>     the state type
     * @return the same instance on every call with the same owner and type
     */
    public <T> T get(Module owner, Class<T> type, Supplier<T> factory) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(type, "type");
        Object state = states.computeIfAbsent(new Key(owner, type),
                k -> Objects.requireNonNull(factory.get(), "shared state factory returned null"));
        return type.cast(state);
    }

    /** @return how many states are held (for diagnostics) */
    public int size() {
        return states.size();
    }
}
