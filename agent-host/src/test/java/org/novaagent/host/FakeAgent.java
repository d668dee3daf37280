/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreException;

/**
 * A test thread playing the guest agent: polls {@code data/host}, hands each request to a responder
 * that returns the raw reply JSON (or empty to stay silent), deletes the request and writes the reply.
 */
public final class FakeAgent implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final XenStoreClient client;
    private final Function<JsonNode, Optional<String>> responder;
    private final Thread thread;
    private final List<String> rawRequests = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;

    /**
     * @param client    the agent's connection
     * @param responder request (name/value) to raw reply JSON, or empty for no answer
     */
    public FakeAgent(XenStoreClient client, Function<JsonNode, Optional<String>> responder) {
        this.client = client;
        this.responder = responder;
        this.thread = new Thread(this::loop, "fake-agent");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return a reply JSON in the 1.x/Java agent's shape */
    public static Optional<String> reply(String code, String message) {
        return Optional.of("{\"returncode\": \"" + code + "\", \"message\": " + quote(message) + "}");
    }

    private static String quote(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return every raw request text seen, in order */
    public List<String> rawRequests() {
        return rawRequests;
    }

    private void loop() {
        while (running) {
            try {
                for (String id : client.directory("data/host")) {
                    Optional<String> raw = client.read("data/host/" + id);
                    if (raw.isEmpty() || !seen.add(id)) {
                        continue;
                    }
                    rawRequests.add(raw.get());
                    Optional<String> answer = responder.apply(MAPPER.readTree(raw.get()));
                    if (answer.isPresent()) {
                        client.rm("data/host/" + id);
                        client.write("data/guest/" + id, answer.get());
                    }
                }
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            } catch (XenStoreException | com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(2000);
    }
}
