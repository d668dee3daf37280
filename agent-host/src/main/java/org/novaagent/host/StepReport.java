/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one step of a host sequence (boot, demo), judged by the step's own success rule.
 *
 * @param name    step name, e.g. {@code version}, {@code injectfile /root/.ssh/authorized_keys}
 * @param reply   the agent's reply (or a pseudo reply such as {@link HostReply#TIMEOUT})
 * @param latency wall time of the whole step, including retries and XenStore writes
 * @param ok      whether the step counts as a success
 */
public record StepReport(String name, HostReply reply, Duration latency, boolean ok) {

    /** Validates the components. */
    public StepReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(latency, "latency");
    }
}
