/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.plugin;

import org.novaagent.api.Applicability;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HostFacts;

/** A configurable handler for selection tests: name, priority, verdict and module label. */
final class TestHandler implements CommandHandler {

    private final String name;
    private final int priority;
    private final Applicability verdict;
    private final String module;

    TestHandler(String name, int priority, Applicability verdict, String module) {
        this.name = name;
        this.priority = priority;
        this.verdict = verdict;
        this.module = module;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CommandResult handle(CommandRequest request, CommandContext context) {
        return CommandResult.ok(module);
    }

    @Override
    public Applicability applicability(HostFacts facts) {
        return verdict;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public String moduleName() {
        return module;
    }
}
