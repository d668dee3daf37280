/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import java.io.IOException;
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
 * to {@code data/guest/<id>} and remove the request in one transaction ({@link ReplyCommit}).
 * Remembers what it answered during this run, and records in the {@link RequestJournal} (when
 * there is a target root) what it starts and what it answered, so that no request is executed
 * twice: not when the connection breaks between the reply and the removal, not when the agent
 * is killed at any point (see "Exactly once" in LOOP.md).
 */
public final class RequestProcessor implements AutoCloseable {

    /** What happened to one request id. */
    public enum Outcome {
        /** The command ran (or the request was rejected) and the reply was written. */
        ANSWERED,
        /**
         * Answered earlier in this run, or before a restart (the journal holds the reply): the
         * reply was written again if missing and the leftover request key removed; nothing ran.
         */
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
    /**
     * Answered ids remembered in this run, to tell the watch event of our own removal (and a host that
     * writes an answered id again within seconds) from a new request. About 150 bytes of heap each: 65 536
     * (the old bound) was some 10 MiB of a 32 MiB heap once reached, and made the soak's live heap grow by
     * ~130 bytes per request for the first 65 536 requests (issue #17); 4096 ids are minutes of the
     * busiest host and about 0.6 MiB.
     */
    static final int REMEMBERED_IDS = 4096;
    /**
     * How long an interrupted (timed-out or stopped) command may take to clean up: kill its tools
     * and roll its files back (issue #17), before its worker thread is abandoned.
     */
    static final Duration INTERRUPT_GRACE = Duration.ofSeconds(5);
    private static final String INTERRUPTED = "Command '%s' was interrupted: the agent stopped while it ran. It is not "
            + "run again; check its effect and send a new request if needed";

    private final RequestCodec codec;
    private final CommandRouter router;
    private final Function<String, Duration> timeouts;
    private final CommandExecutor executor;
    private volatile RequestHistory history;
    private final Optional<RequestJournal> journal;
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
        this(codec, router, settings::timeoutFor, new CommandExecutor(INTERRUPT_GRACE),
                settings.journal().map(RequestJournal::in));
    }

    RequestProcessor(RequestCodec codec, CommandRouter router,
                     Function<String, Duration> timeouts, CommandExecutor executor) {
        this(codec, router, timeouts, executor, Optional.empty());
    }

    RequestProcessor(RequestCodec codec, CommandRouter router, Function<String, Duration> timeouts,
                     CommandExecutor executor, Optional<RequestJournal> journal) {
        this.codec = codec;
        this.router = router;
        this.timeouts = timeouts;
        this.executor = executor;
        this.journal = journal;
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
                commit(xs, id, cached, true);
                return Outcome.ALREADY_ANSWERED;
            }
            Optional<byte[]> raw = xs.readBytes(request);
            if (raw.isEmpty()) {
                LOG.debug("request {} vanished before it was read", id);
                journal.ifPresent(j -> j.forget(id));
                return Outcome.GONE;
            }
            Optional<RequestJournal.Entry> recorded = journal.flatMap(j -> j.find(id, raw.get()));
            if (recorded.isPresent() && recorded.get().state() == RequestJournal.State.DONE) {
                LOG.info("request {}: answered before the agent restarted; writing the recorded reply again", id);
                pending.put(id, recorded.get().reply());
                commit(xs, id, recorded.get().reply(), true);
                return Outcome.ALREADY_ANSWERED;
            }
            CommandResult result;
            long startNanos = System.nanoTime();
            Optional<CommandRequest> parsed = parse(id, raw.get());
            boolean journaled = recorded.isPresent();
            if (journaled) {
                result = interrupted(id, raw.get());
            } else if (parsed.isEmpty()) {
                result = badRequest(id, raw.get());
            } else {
                journaled = start(id, raw.get());
                result = execute(xs, parsed.get());
            }
            RequestHistory h = history; // before the reply: whoever sees the reply sees its history entry
            if (h != null) {
                h.record(new HistoryEntry(java.time.Instant.now(), id, parsed.map(CommandRequest::name).orElse(null),
                        result.returnCode(), (System.nanoTime() - startNanos) / 1_000_000, result.message()));
            }
            String json = codec.encodeReply(result);
            pending.put(id, json);
            if (journaled) {
                record(id, raw.get(), json);
            }
            commit(xs, id, json, recorded.isPresent());
            LOG.info("request {}: answered {}", id, result.returnCode());
            return Outcome.ANSWERED;
        } catch (XenStoreException e) {
            if (e.isConnectionLost()) {
                throw e;
            }
            LOG.warn("request {}: XenStore refused an operation: {}", id, e.getMessage());
            return Outcome.FAILED;
        }
    }

    /**
     * Lets the journal drop the records of requests that are gone (called after each listing).
     *
     * @param present the ids under {@code data/host} now
     */
    void retainJournal(Set<String> present) {
        journal.ifPresent(j -> {
            int removed = j.retainOnly(present);
            if (removed > 0) {
                LOG.debug("removed {} journal records of requests that are gone", removed);
            }
        });
    }

    /** @return ids whose reply is written or computed but whose request key may still exist */
    public Set<String> pendingIds() {
        return Collections.unmodifiableSet(pending.keySet());
    }

    private Optional<CommandRequest> parse(String id, byte[] raw) {
        try {
            return Optional.of(codec.parse(id, raw));
        } catch (BadRequestException e) {
            return Optional.empty();
        }
    }

    private CommandResult badRequest(String id, byte[] raw) {
        try {
            codec.parse(id, raw);
            throw new IllegalStateException("request " + id + " parsed the second time");
        } catch (BadRequestException e) {
            LOG.warn("request {}: {}", id, e.getMessage());
            return CommandResult.of(ReturnCodes.BAD_REQUEST, e.getMessage());
        }
    }

    /** @return true when the journal holds, durably, that this request's command is starting */
    private boolean start(String id, byte[] raw) {
        if (journal.isEmpty()) {
            return false;
        }
        try {
            journal.get().started(id, raw);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.error("request {}: cannot record it in the journal {} ({}); running it without the "
                    + "restart guarantee", id, journal.get().directory(), e.getMessage());
            return false;
        }
    }

    private CommandResult execute(XenStoreClient xs, CommandRequest parsed) throws InterruptedException {
        LOG.info("request {}: {}", parsed.id(), parsed.name());
        CommandResult result = executor.run(parsed.name(), timeouts.apply(parsed.name()),
                () -> router.route(parsed, XenStoreViews.of(xs)));
        // the router already guards; this keeps the rule true for any router the loop is given
        return NovaAcceptance.guard(parsed.name(), result);
    }

    /** The answer to a request whose command was running when the agent stopped: failed, not run again. */
    private CommandResult interrupted(String id, byte[] raw) {
        String name;
        try {
            name = codec.parse(id, raw).name();
        } catch (BadRequestException e) {
            name = "";
        }
        LOG.warn("request {}: '{}' was running when the agent stopped; answering it as interrupted, not running it again",
                id, name);
        return CommandResult.of(NovaAcceptance.failureCode(name), String.format(INTERRUPTED, name));
    }

    private void record(String id, byte[] raw, String json) {
        if (journal.isEmpty()) {
            return;
        }
        try {
            journal.get().done(id, raw, json);
        } catch (IOException | RuntimeException e) {
            LOG.error("request {}: cannot record its reply in the journal {} ({})", id,
                    journal.get().directory(), e.getMessage());
        }
    }

    /** Reply and removal in one step; then the request is finished for this run and the journal. */
    private void commit(XenStoreClient xs, String id, String json, boolean again) throws XenStoreException {
        ReplyCommit.commit(xs, HOST_DIR + "/" + id, GUEST_DIR + "/" + id, json, again);
        pending.remove(id);
        finished.add(id);
        journal.ifPresent(j -> j.forget(id));
    }

    /** Interrupts the command in progress, if any (see {@link CommandExecutor#interruptRunning()}); any thread. */
    void interruptRunning() {
        executor.interruptRunning();
    }

    @Override
    public void close() {
        executor.close();
    }
}
