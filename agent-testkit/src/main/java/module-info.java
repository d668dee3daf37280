/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * Test fixtures for nova-agent plugins, like JUnit's {@code junit-platform-testkit}: a
 * {@code CommandContext} over a scratch root, a process runner that records and scripts commands,
 * the fail-in-CI/skip-elsewhere rule for real tools, a ServiceLoader registration check, and
 * requests whose JSON value is parsed as the runtime parses it.
 * Used in test scope only; never on the agent's module path.
 *
 * @uses org.novaagent.api.CommandHandler
 */
module org.novaagent.testkit {
    requires transitive org.novaagent.api;
    requires transitive org.junit.jupiter.api;
    requires com.fasterxml.jackson.databind;

    exports org.novaagent.testkit;

    // ServiceRegistrations loads the handlers under test
    uses org.novaagent.api.CommandHandler;
}
