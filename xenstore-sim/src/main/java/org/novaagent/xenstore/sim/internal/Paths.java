/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.sim.internal;

import java.util.regex.Pattern;

/**
 * Path rules of the store: relative paths resolve under {@code /local/domain/<domid>}, node names
 * use the xenstored character set, and {@code @}-paths are special watch names only.
 */
public final class Paths {

    private static final Pattern VALID = Pattern.compile("/|(/[A-Za-z0-9_@.:-]+)+");
    private static final int MAX_LENGTH = 3072;

    private final int domid;

    /** @param domid the domain of every connection */
    public Paths(int domid) {
        this.domid = domid;
    }

    /** @return the configured domain id */
    public int domid() {
        return domid;
    }

    /** @return {@code /local/domain/<domid>} */
    public String home() {
        return domainPath(domid);
    }

    /** @return {@code /local/domain/<id>} */
    public String domainPath(int id) {
        return "/local/domain/" + id;
    }

    /**
     * @return the absolute form of a node path
     * @throws Engine.Failure EINVAL for an empty, malformed or special path
     */
    String resolve(String path) throws Engine.Failure {
        String abs = path.startsWith("/") ? path : home() + "/" + path;
        if (path.isEmpty() || path.startsWith("@") || abs.length() > MAX_LENGTH || !VALID.matcher(abs).matches()) {
            throw new Engine.Failure("EINVAL");
        }
        return abs;
    }

    /** Like {@link #resolve} but also accepts special watch paths such as {@code @releaseDomain}. */
    String resolveWatch(String path) throws Engine.Failure {
        if (path.startsWith("@") && path.length() > 1) {
            return path;
        }
        return resolve(path);
    }

    /** @return {@code abs} as a client that used {@code given} expects to see it (relative stays relative) */
    String present(String abs, String given) {
        String prefix = home() + "/";
        if (!given.startsWith("/") && abs.startsWith(prefix)) {
            return abs.substring(prefix.length());
        }
        return abs;
    }
}
