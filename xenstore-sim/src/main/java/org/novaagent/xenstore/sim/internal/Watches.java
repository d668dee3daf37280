/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.sim.internal;

import java.util.Collection;
import java.util.List;

/**
 * Watch registration and firing: a watch on P fires for a change of P or anything below it, and
 * an rm fires watches set on removed descendants too. Called under the engine lock.
 */
final class Watches {

    private static final byte[] OK = Frame.z("OK");

    private Watches() {
    }

    static byte[] handle(Engine engine, SimConnection c, int type, List<String> args) throws Engine.Failure {
        if (c == null) {
            throw new Engine.Failure("EINVAL");
        }
        if (type == Engine.RESET_WATCHES) {
            c.watches.clear();
            return OK;
        }
        String given = Engine.arg(args, 0);
        String token = Engine.arg(args, 1);
        String abs = engine.paths().resolveWatch(given);
        SimConnection.Watch w = new SimConnection.Watch(abs, given, token);
        if (type == Engine.UNWATCH) {
            if (!c.watches.remove(w)) {
                throw new Engine.Failure("ENOENT");
            }
            return OK;
        }
        if (c.watches.contains(w)) {
            throw new Engine.Failure("EEXIST");
        }
        c.watches.add(w);
        engine.afterReply(c, event(given, token)); // the initial event follows the OK
        return OK;
    }

    static void fire(Engine engine, Collection<SimConnection> connections, Paths paths, String changed, boolean removal) {
        for (SimConnection c : connections) {
            for (SimConnection.Watch w : c.watches) {
                String hit = match(w.absPath(), changed, removal);
                if (hit != null) {
                    engine.afterReply(c, event(paths.present(hit, w.givenPath()), w.token()));
                }
            }
        }
    }

    private static String match(String watched, String changed, boolean removal) {
        if (watched.startsWith("@")) {
            return null;
        }
        if (watched.equals(changed) || "/".equals(watched) || changed.startsWith(watched + "/")) {
            return changed;
        }
        if (removal && ("/".equals(changed) || watched.startsWith(changed + "/"))) {
            return watched;
        }
        return null;
    }

    private static Frame event(String path, String token) {
        byte[] p = Frame.z(path + '\0' + token);
        return new Frame(Engine.WATCH_EVENT, 0, 0, p, false);
    }
}
