/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.novaagent.runtime.notify.ServiceNotifier;

/** Records the state messages the daemon sends to the service manager. */
public final class RecordingNotifier implements ServiceNotifier {

    private final List<String> messages = new CopyOnWriteArrayList<>();

    @Override
    public boolean notify(String state) {
        messages.add(state);
        return true;
    }

    /** @return the messages, in order */
    public List<String> messages() {
        return List.copyOf(messages);
    }
}
