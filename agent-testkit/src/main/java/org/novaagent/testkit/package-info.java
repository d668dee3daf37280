/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * The nova-agent plugin test kit. Start with {@link org.novaagent.testkit.TestCommandContext}:
 * <pre>{@code
 * TestCommandContext ctx = TestCommandContext.builder(tempDir)
 *         .hostFacts(TestHostFacts::rhel)
 *         .setting("password.user", "cloud-user")
 *         .build();
 * ctx.runner().answer(List.of("nmcli"), new ProcessResult(0, "", "", true));
 * CommandResult r = handler.handle(request, ctx);
 * assertEquals(List.of(List.of("nmcli", "connection", "reload")), ctx.commands());
 * }</pre>
 * Tests that need a real tool call {@link org.novaagent.testkit.RequiredTool#require} first and
 * run it with {@link org.novaagent.testkit.Exec}.
 */
package org.novaagent.testkit;
