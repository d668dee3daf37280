/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.novaagent.host.internal.NovaJson;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays nova's XenServer driver and dom0 agent plugin against a XenStore: writes requests under
 * {@code <domain>/data/host/<uuid>}, waits for {@code data/guest/<uuid>} and judges the reply the way
 * nova does. One simulator drives one guest; calls are serialised.
 */
public final class HostSimulator {

    /** nova's {@code agent_timeout} default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(HostSimulator.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final XenStoreClient client;
    private final String domainPath;
    private final ReplyWaiter waiter;
    private final int dhPrivateBits;
    private final SecureRandom random = new SecureRandom();
    private Duration defaultTimeout = DEFAULT_TIMEOUT;
    private HostDiffieHellman dh;

    /**
     * A simulator for the domain the client is connected as.
     *
     * @param client XenStore connection
     * @throws XenStoreException when the domain path cannot be read
     */
    public HostSimulator(XenStoreClient client) throws XenStoreException {
        this(client, client.domainPath(), HostDiffieHellman.NOVA_PRIVATE_BITS);
    }

    /**
     * @param client        XenStore connection
     * @param domainPath    the guest's home, e.g. {@code /local/domain/5} (nova uses absolute paths)
     * @param dhPrivateBits size of the host's DH private exponent (nova: 80)
     */
    public HostSimulator(XenStoreClient client, String domainPath, int dhPrivateBits) {
        this.client = client;
        this.domainPath = domainPath.endsWith("/") ? domainPath.substring(0, domainPath.length() - 1) : domainPath;
        this.waiter = new ReplyWaiter(client, this.domainPath + "/data/guest");
        this.dhPrivateBits = dhPrivateBits;
    }

    /** @param timeout the timeout of the convenience calls (default 30 s, nova's {@code agent_timeout}) */
    public void setDefaultTimeout(Duration timeout) {
        this.defaultTimeout = timeout;
    }

    /** @return the timeout of the convenience calls */
    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    /** @return the guest's domain path used for every key */
    public String domainPath() {
        return domainPath;
    }

    /**
     * Sends one request and waits for its reply. On timeout the request key is deleted (as the dom0
     * plugin does) and a {@link HostReply#TIMEOUT} reply is returned.
     *
     * @param name    command name
     * @param value   a String, or a JSON object ({@code Map}, {@code List} or Jackson {@code JsonNode})
     * @param timeout how long to wait
     * @return the interpreted reply
     * @throws XenStoreException    when XenStore fails
     * @throws InterruptedException when interrupted while waiting
     */
    public synchronized HostReply call(String name, Object value, Duration timeout)
            throws XenStoreException, InterruptedException {
        Object plain = value instanceof JsonNode node ? MAPPER.convertValue(node, Object.class) : value;
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", name);
        request.put("value", plain);
        String id = UUID.randomUUID().toString();
        String requestPath = domainPath + "/data/host/" + id;
        waiter.ensureWatch();
        long start = System.nanoTime();
        client.write(requestPath, NovaJson.dumps(request));
        LOG.debug("sent {} as {}", name, id);
        Optional<String> raw = waiter.await(id, timeout);
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        if (raw.isEmpty()) {
            client.rm(requestPath);
            LOG.debug("{} ({}) timed out after {}", name, id, timeout);
            return new HostReply(HostReply.TIMEOUT,
                    "No response from agent within " + timeout.toSeconds() + " seconds.", latency, false);
        }
        return parseReply(raw.get(), latency);
    }

    /** @return nova's {@code version} call (value {@code agent}) */
    public HostReply version() throws XenStoreException, InterruptedException {
        return call("version", "agent", defaultTimeout);
    }

    /** @return the {@code features} probe of the dom0 plugin (value empty) */
    public HostReply features() throws XenStoreException, InterruptedException {
        return call("features", "", defaultTimeout);
    }

    /**
     * Starts a fresh DH exchange: sends the public key as a decimal string and, on {@code D0},
     * computes the shared secret from the agent's public key in the message.
     *
     * @return the reply; a D0 reply whose message is not a valid key is returned as {@link HostReply#MALFORMED}
     */
    public HostReply keyinit() throws XenStoreException, InterruptedException {
        dh = new HostDiffieHellman(dhPrivateBits, random);
        HostReply reply = call("keyinit", dh.publicKeyDecimal(), defaultTimeout);
        if (reply.isKeyInitSuccess()) {
            try {
                dh.computeShared(reply.message());
            } catch (IllegalArgumentException e) {
                dh = null;
                return new HostReply(HostReply.MALFORMED, "keyinit reply is not a public key: " + e.getMessage(),
                        reply.latency(), false);
            }
        } else {
            dh = null;
        }
        return reply;
    }

    /**
     * Sends the admin password encrypted with the secret of the last successful {@link #keyinit()}.
     *
     * @param plaintext the password (nova appends {@code \n} before encrypting; so does this)
     * @param digest    key-derivation digest: MD5 as every agent expects, SHA256 like an OpenSSL 3 host
     * @return the reply
     * @throws IllegalStateException when no keyinit succeeded before
     */
    public HostReply password(String plaintext, Crypto.Digest digest) throws XenStoreException, InterruptedException {
        String secret = sharedSecret().orElseThrow(() -> new IllegalStateException("password without a successful keyinit"));
        return call("password", Crypto.encryptPassword(plaintext, secret, digest), defaultTimeout);
    }

    /**
     * Writes the networking entries and hostname ({@link #writeNetwork}) and then calls {@code resetnetwork}.
     *
     * @param spec the NICs and hostname
     * @return the reply (success per {@link HostReply#isResetNetworkSuccess()})
     */
    public HostReply resetnetwork(NetworkSpec spec) throws XenStoreException, InterruptedException {
        writeNetwork(spec);
        return call("resetnetwork", "", defaultTimeout);
    }

    /**
     * Writes {@code vm-data/networking/<MAC>} for every NIC in nova's JSON format, removes entries
     * of NICs that are no longer present, and writes (or removes) {@code vm-data/hostname}.
     *
     * @param spec the NICs and hostname
     */
    public void writeNetwork(NetworkSpec spec) throws XenStoreException {
        String base = domainPath + "/vm-data/networking";
        List<String> keep = spec.nics().stream().map(NetworkSpec.Nic::xenstoreKey).toList();
        for (String existing : client.directory(base)) {
            if (!keep.contains(existing)) {
                client.rm(base + "/" + existing);
            }
        }
        for (NetworkSpec.Nic nic : spec.nics()) {
            client.write(base + "/" + nic.xenstoreKey(), NovaVifData.toJson(nic));
        }
        if (spec.hostname().isPresent()) {
            client.write(domainPath + "/vm-data/hostname", spec.hostname().get());
        } else {
            client.rm(domainPath + "/vm-data/hostname");
        }
    }

    /**
     * The legacy {@code injectfile} form: base64 of {@code path,contents}.
     *
     * @param path     absolute guest path
     * @param contents file contents
     * @return the reply
     */
    public HostReply injectfile(String path, byte[] contents) throws XenStoreException, InterruptedException {
        byte[] p = (path + ",").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[p.length + contents.length];
        System.arraycopy(p, 0, all, 0, p.length);
        System.arraycopy(contents, 0, all, p.length, contents.length);
        return call("injectfile", Base64.getEncoder().encodeToString(all), defaultTimeout);
    }

    /**
     * @param value a {@code host:port} string (Windows) or a JSON object with activation_key, profile, domains (RHEL)
     * @return the reply
     */
    public HostReply kmsactivate(Object value) throws XenStoreException, InterruptedException {
        return call("kmsactivate", value, defaultTimeout);
    }

    /**
     * nova's first-boot order (spec section 1.8).
     *
     * @param plan what to send
     * @return one report per step that ran
     */
    public List<StepReport> boot(BootPlan plan) throws XenStoreException, InterruptedException {
        return new BootSequence(this).run(plan);
    }

    /**
     * Re-sends {@code version} until it succeeds or {@code total} has passed, like nova does while
     * the guest boots ({@code agent_version_timeout}).
     *
     * @param total overall time budget
     * @return the version step (ok when some attempt succeeded)
     */
    public StepReport waitForVersion(Duration total) throws XenStoreException, InterruptedException {
        return new BootSequence(this).version(total);
    }

    /** @return the DH shared secret of the last successful keyinit */
    Optional<String> sharedSecret() {
        return dh == null ? Optional.empty() : dh.sharedSecret();
    }

    private static HostReply parseReply(String raw, Duration latency) {
        JsonNode node;
        try {
            node = MAPPER.readTree(raw);
        } catch (java.io.IOException e) {
            node = null;
        }
        if (node == null || !node.isObject() || !node.hasNonNull("returncode")) {
            return new HostReply(HostReply.MALFORMED, "reply is not a JSON object with a returncode", latency, false);
        }
        JsonNode code = node.get("returncode");
        JsonNode msg = node.get("message");
        String message = msg == null || msg.isNull() ? "" : msg.isTextual() ? msg.asText() : msg.toString();
        return new HostReply(code.asText(), HostReply.stripLiteralCrLf(message), latency, code.isTextual());
    }
}
