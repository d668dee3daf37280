/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * Extra {@code agent} subcommands contributed by modules other than the runtime (for example
 * {@code agent demo} from the host simulator, or an operator command from a plugin). The runtime
 * finds {@link org.novaagent.api.cli.CliCommand} providers in the boot layer with
 * {@link java.util.ServiceLoader}; it keeps its own command-line parser private, so a provider
 * parses its own arguments. Depends on {@code java.base} only.
 */
package org.novaagent.api.cli;
