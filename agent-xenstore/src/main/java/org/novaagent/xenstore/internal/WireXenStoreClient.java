/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.novaagent.xenstore.TransactionalXenStoreClient;
import org.novaagent.xenstore.WatchEvent;
import org.novaagent.xenstore.XenStoreException;
import org.novaagent.xenstore.XenStoreTransaction;

/**
 * The xenbus wire client: turns each XenStore operation into one request on a
 * {@link XenbusConnection} and maps ENOENT and other ERROR replies to typed results.
 * Relative paths are sent as they are; the daemon resolves them against the domain home.
 * A directory the daemon will not list in one reply (E2BIG, as xenstored answers a guest whose
 * listing exceeds 4096 bytes) is listed in chunks with DIRECTORY_PART ({@link DirectoryPartReader}).
 */
public final class WireXenStoreClient implements TransactionalXenStoreClient {

    private final XenbusConnection conn;
    private final DirectoryPartReader parts;
    private volatile String domainPath;

    /** Takes ownership of an open transport. */
    public WireXenStoreClient(XenbusTransport transport) {
        this.conn = new XenbusConnection(transport);
        this.parts = new DirectoryPartReader(conn);
    }

    @Override
    public String domainPath() throws XenStoreException {
        String d = domainPath;
        if (d == null) {
            String domid = "0";
            if (!conn.transport().isSocket()) {
                // a guest does not know its domid; the daemon keeps it at the relative key "domid"
                domid = read("domid").orElseThrow(() -> new XenStoreException(
                        "cannot determine the domain path: relative key 'domid' is missing", "ENOENT", false, null)).trim();
            }
            d = request(XsOp.GET_DOMAIN_PATH, 0, XsMessage.strings(domid), domid).payloadText();
            domainPath = d;
        }
        return d;
    }

    @Override
    public Optional<byte[]> readBytes(String path) throws XenStoreException {
        return readBytes(0, path);
    }

    @Override
    public Optional<String> read(String path) throws XenStoreException {
        return readBytes(0, path).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    @Override
    public void write(String path, String value) throws XenStoreException {
        write(0, path, value);
    }

    @Override
    public List<String> directory(String path) throws XenStoreException {
        return directory(0, path);
    }

    @Override
    public void rm(String path) throws XenStoreException {
        rm(0, path);
    }

    @Override
    public void mkdir(String path) throws XenStoreException {
        mkdir(0, path);
    }

    @Override
    public void watch(String path, String token) throws XenStoreException {
        request(XsOp.WATCH, 0, XsMessage.strings(path, token), path);
    }

    @Override
    public void unwatch(String path, String token) throws XenStoreException {
        request(XsOp.UNWATCH, 0, XsMessage.strings(path, token), path);
    }

    @Override
    public Optional<WatchEvent> awaitEvent(Duration timeout) throws XenStoreException, InterruptedException {
        return conn.awaitEvent(timeout);
    }

    @Override
    public XenStoreTransaction beginTransaction() throws XenStoreException {
        String id = request(XsOp.TRANSACTION_START, 0, new byte[] {0}, "").payloadText();
        try {
            return new WireTransaction(this, Integer.parseUnsignedInt(id.trim()));
        } catch (NumberFormatException e) {
            throw new XenStoreException("TRANSACTION_START: bad transaction id '" + id + "'", "EINVAL", false, e);
        }
    }

    @Override
    public boolean isOpen() {
        return conn.isOpen();
    }

    @Override
    public void close() {
        conn.close();
    }

    Optional<byte[]> readBytes(int tx, String path) throws XenStoreException {
        XsMessage r = conn.call(XsOp.READ, tx, XsMessage.strings(path), path);
        if (isEnoent(r)) {
            return Optional.empty();
        }
        return Optional.of(check(r, XsOp.READ, path).payload());
    }

    void write(int tx, String path, String value) throws XenStoreException {
        byte[] payload = XsMessage.pathAndValue(path, value.getBytes(StandardCharsets.UTF_8));
        request(XsOp.WRITE, tx, payload, path);
    }

    /** DIRECTORY; on E2BIG (listing over 4096 bytes for an unprivileged guest) DIRECTORY_PART chunks. */
    List<String> directory(int tx, String path) throws XenStoreException {
        XsMessage r = conn.call(XsOp.DIRECTORY, tx, XsMessage.strings(path), path);
        if (isEnoent(r)) {
            return List.of();
        }
        if (r.type() == XsOp.ERROR && "E2BIG".equals(r.payloadText())) {
            return parts.list(tx, path);
        }
        return check(r, XsOp.DIRECTORY, path).payloadStrings();
    }

    void rm(int tx, String path) throws XenStoreException {
        XsMessage r = conn.call(XsOp.RM, tx, XsMessage.strings(path), path);
        if (!isEnoent(r)) {
            check(r, XsOp.RM, path);
        }
    }

    void mkdir(int tx, String path) throws XenStoreException {
        request(XsOp.MKDIR, tx, XsMessage.strings(path), path);
    }

    /** @return true when committed, false on EAGAIN */
    boolean endTransaction(int tx, boolean commit) throws XenStoreException {
        XsMessage r = conn.call(XsOp.TRANSACTION_END, tx, XsMessage.strings(commit ? "T" : "F"), "transaction " + tx);
        if (r.type() == XsOp.ERROR && "EAGAIN".equals(r.payloadText())) {
            return false;
        }
        check(r, XsOp.TRANSACTION_END, "transaction " + tx);
        return true;
    }

    private XsMessage request(int type, int tx, byte[] payload, String path) throws XenStoreException {
        return check(conn.call(type, tx, payload, path), type, path);
    }

    private static boolean isEnoent(XsMessage r) {
        return r.type() == XsOp.ERROR && "ENOENT".equals(r.payloadText());
    }

    private static XsMessage check(XsMessage r, int type, String path) throws XenStoreException {
        if (r.type() == XsOp.ERROR) {
            throw XenStoreException.errorReply(XsOp.name(type), path, r.payloadText());
        }
        return r;
    }
}
