/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.runtime.history.HistoryEntry;
import org.novaagent.runtime.history.RequestHistory;
import org.novaagent.runtime.protocol.BadRequestException;
import org.novaagent.runtime.protocol.RequestCodec;
import org.novaagent.runtime.route.CommandRouter;
import org.novaagent.runtime.route.NovaAcceptance;
import org.novaagent.runtime.route.ReturnCodes;
import org.novaagent.runtime.xenstore.XenStoreViews;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one request: read {@code data/host/<id>}, parse, route with a timeout, write the reply
 * to {@code data/guest/<id>}, then remove the request (respond-then-delete). Remembers what it
 * answered during this run so that no request is answered (or executed) twice, even when the
 * connection breaks between the reply and the removal.
 */
public final class RequestProcessor implements AutoCloseable {

    /** What happened to one request id. */
    public enum Outcome {
        /** The command ran (or the request was rejected) and the reply was written. */
        ANSWERED,
        /** Answered earlier in this run; only the leftover request key was removed. */
        ALREADY_ANSWERED,
        /**
         * No request under this id: it vanished before it was read (the host gave up on it), or
         * it was answered and removed already (the watch event of our own removal).
         */
        GONE,
        /** XenStore refused an operation (not a lost connection); retried on the next scan. */
        FAILED
    }

    /** The XenStore directory the host writes requests to (relative to the domain home). */
    public static final String HOST_DIR = "data/host";
    /** The XenStore directory the agent writes replies to. */
    public static final String GUEST_DIR = "data/guest";

    private static final Logger LOG = LoggerFactory.getLogger(RequestProcessor.class);
    private static final int REMEMBERED_IDS = 65_536;

    private final RequestCodec codec;
    private final CommandRouter router;
    private final Function<String, Duration> timeouts;
    private final CommandExecutor executor;
    private volatile RequestHistory history;
    /** Replies computed but whose request key is not yet known to be removed: id → reply JSON. */
    private final Map<String, String> pending = new LinkedHashMap<>();
    /** Ids answered and removed during this run (bounded, oldest forgotten first). */
    private final Set<String> finished = Collections.newSetFromMap(new LinkedHashMap<>(256, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    });

    /**
     * @param codec    the wire format
     * @param router   routes parsed requests to handlers
     * @param settings supplies the per-command timeouts
     */
    public RequestProcessor(RequestCodec codec, CommandRouter router, DaemonSettings settings) {
        this(codec, router, settings::timeoutFor, new CommandExecutor(Duration.ofSeconds(1)));
    }

    RequestProcessor(RequestCodec codec, CommandRouter router,
                     Function<String, Duration> timeouts, CommandExecutor executor) {
        this.codec = codec;
        this.router = router;
        this.timeouts = timeouts;
        this.executor = executor;
    }

    /**
     * Records every answered request (time, command, code, duration, first message line) from now on.
     *
     * @param history where, or null for nowhere
     */
    public void recordTo(RequestHistory history) {
        this.history = history;
    }

    /**
     * Processes one request id named by a watch event or found under {@code data/host}. An id
     * with no request costs one read and is {@link Outcome#GONE}, logged at DEBUG only.
     *
     * @param xs the connection
     * @param id the request id
     * @return what happened
     * @throws XenStoreException    only when the connection is lost (reconnect, then scan again)
     * @throws InterruptedException when the calling thread is interrupted
     */
    public Outcome process(XenStoreClient xs, String id) throws XenStoreException, InterruptedException {
        String request = HOST_DIR + "/" + id;
        String reply = GUEST_DIR + "/" + id;
        try {
            if (finished.contains(id)) {
                if (xs.readBytes(request).isEmpty()) {
                    // the usual case: the watch event of our own removal
                    LOG.debug("request {} already answered and removed", id);
                    return Outcome.GONE;
                }
                LOG.warn("request {} was already answered in this run; removing it again", id);
                xs.rm(request);
                return Outcome.ALREADY_ANSWERED;
            }
            String cached = pending.get(id);
            if (cached != null) {
                if (xs.read(reply).isEmpty()) {
                    xs.write(reply, cached);
                }
                remove(xs, id, request);
                return Outcome.ALREADY_ANSWERED;
            }
            Optional<byte[]> raw = xs.readBytes(request);
            if (raw.isEmpty()) {
                LOG.debug("request {} vanished before it was read", id);
                return Outcome.GONE;
            }
            CommandResult result = execute(xs, id, raw.get());
            String json = codec.encodeReply(result);
            pending.put(id, json);
            xs.write(reply, json);
            LOG.info("request {}: answered {}", id, result.returnCode());
            remove(xs, id, request);
            return Outcome.ANSWERED;
        } catch (XenStoreException e) {
            if (e.isConnectionLost()) {
                throw e;
            }
            LOG.warn("request {}: XenStore refused an operation: {}", id, e.getMessage());
            return Outcome.FAILED;
        }
    }

    /** @return ids whose reply is written or computed but whose request key may still exist */
    public Set<String> pendingIds() {
        return Collections.unmodifiableSet(pending.keySet());
    }

    private CommandResult execute(XenStoreClient xs, String id, byte[] raw) throws InterruptedException {
        long start = System.nanoTime();
        String[] name = {null};
        CommandResult result = route(xs, id, raw, name);
        RequestHistory h = history;
        if (h != null) {
            h.record(new HistoryEntry(java.time.Instant.now(), id, name[0], result.returnCode(),
                    (System.nanoTime() - start) / 1_000_000, result.message()));
        }
        return result;
    }

    private CommandResult route(XenStoreClient xs, String id, byte[] raw, String[] name) throws InterruptedException {
        CommandRequest parsed;
        try {
            parsed = codec.parse(id, raw);
        } catch (BadRequestException e) {
            LOG.warn("request {}: {}", id, e.getMessage());
            return CommandResult.of(ReturnCodes.BAD_REQUEST, e.getMessage());
        }
        LOG.info("request {}: {}", id, parsed.name());
        name[0] = parsed.name();
        CommandResult result = executor.run(parsed.name(), timeouts.apply(parsed.name()),
                () -> router.route(parsed, XenStoreViews.of(xs)));
        // the router already guards; this keeps the rule true for any router the loop is given
        return NovaAcceptance.guard(parsed.name(), result);
    }

    private void remove(XenStoreClient xs, String id, String request) throws XenStoreException {
        xs.rm(request);
        pending.remove(id);
        finished.add(id);
    }

    @Override
    public void close() {
        executor.close();
    }
}
