/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.internal;

/** The xenbus message type numbers (xen/io/xs_wire.h) used by this client. */
public final class XsOp {

    public static final int DEBUG = 0;
    public static final int DIRECTORY = 1;
    public static final int READ = 2;
    public static final int WATCH = 4;
    public static final int UNWATCH = 5;
    public static final int TRANSACTION_START = 6;
    public static final int TRANSACTION_END = 7;
    public static final int GET_DOMAIN_PATH = 10;
    public static final int WRITE = 11;
    public static final int MKDIR = 12;
    public static final int RM = 13;
    public static final int WATCH_EVENT = 15;
    public static final int ERROR = 16;
    /** A chunk of a directory listing (xenstored's answer to a listing over 4096 bytes for a guest). */
    public static final int DIRECTORY_PART = 22;

    /** Largest payload a daemon accepts (XENSTORE_PAYLOAD_MAX): the limit for every request we send. */
    public static final int PAYLOAD_MAX = 4096;

    /**
     * Largest reply payload we accept. oxenstored sends longer replies than {@link #PAYLOAD_MAX} to
     * privileged socket clients (a DIRECTORY of a few hundred children); a declared length above
     * this bound means the stream is corrupt (1 MiB: about 27,000 UUID children).
     */
    public static final int REPLY_MAX = 1 << 20;

    /** Size of the fixed little-endian header: type, req_id, tx_id, len. */
    public static final int HEADER_SIZE = 16;

    private XsOp() {
    }

    /** @return a readable name for logs and messages */
    public static String name(int type) {
        switch (type) {
            case DIRECTORY: return "DIRECTORY";
            case READ: return "READ";
            case WATCH: return "WATCH";
            case UNWATCH: return "UNWATCH";
            case TRANSACTION_START: return "TRANSACTION_START";
            case TRANSACTION_END: return "TRANSACTION_END";
            case GET_DOMAIN_PATH: return "GET_DOMAIN_PATH";
            case WRITE: return "WRITE";
            case MKDIR: return "MKDIR";
            case RM: return "RM";
            case WATCH_EVENT: return "WATCH_EVENT";
            case ERROR: return "ERROR";
            case DIRECTORY_PART: return "DIRECTORY_PART";
            default: return "OP" + type;
        }
    }
}
