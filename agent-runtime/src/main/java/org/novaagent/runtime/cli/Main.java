/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

/** Entry point of the {@code agent} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("nova-agent skeleton");
    }
}
