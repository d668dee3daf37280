/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.testkit;

/** Registered in this module's test META-INF/services, for {@link ServiceRegistrationsTests}. */
public final class EchoCommandHandler extends NamedTestHandler {

    /** Needed by ServiceLoader. */
    public EchoCommandHandler() {
        super("echo");
    }
}
