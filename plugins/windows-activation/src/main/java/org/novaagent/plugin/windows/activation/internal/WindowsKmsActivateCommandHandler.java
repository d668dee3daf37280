/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.windows.activation.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.novaagent.api.Applicability;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandException;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HostFacts;
import org.novaagent.api.ProcessResult;
import org.novaagent.api.StartupAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kmsactivate} on Windows: points the Software Licensing service at the cloud's KMS host
 * with {@code slmgr.vbs /skms <host:port>} and activates with {@code /ato} (docs/protocol.md §5.2).
 * First, as the old agent did, it runs the image's cloud automation ({@link CloudAutomation});
 * at agent start it re-runs the script when {@code cloud-automation-run} asks for it.
 */
public final class WindowsKmsActivateCommandHandler implements CommandHandler, StartupAction {

    static final String CSCRIPT = "C:\\Windows\\System32\\cscript.exe";
    static final String SLMGR = "C:\\Windows\\System32\\slmgr.vbs";
    static final int MAX_OUTPUT_CHARS = 500;
    /** {@code /ato} talks to the KMS host; give it time, but not forever. */
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final Logger LOG = LoggerFactory.getLogger(WindowsKmsActivateCommandHandler.class);

    /** Creates the handler (ServiceLoader). */
    public WindowsKmsActivateCommandHandler() {
    }

    @Override
    public String name() {
        return "kmsactivate";
    }

    @Override
    public Applicability applicability(HostFacts facts) {
        return facts.isWindows()
                ? Applicability.yes("Windows: KMS activation with slmgr.vbs")
                : Applicability.no("KMS activation with slmgr.vbs needs Windows; this host's family is " + facts.family());
    }

    @Override
    public CommandResult handle(CommandRequest request, CommandContext context)
            throws CommandException, InterruptedException {
        if (request.valueIsJson()) {
            throw new CommandException("500", KmsServer.EXPECTED + ", got JSON");
        }
        KmsServer server = KmsServer.parse(request.value());
        CloudAutomation.afterFirstBoot(context);
        LOG.info("Activating Windows against KMS host {}", server);
        CommandResult skms = slmgr(context, "/skms", server.toString());
        if (!skms.isSuccess()) {
            return skms;
        }
        CommandResult ato = slmgr(context, "/ato");
        if (ato.isSuccess()) {
            LOG.info("Windows activation with KMS host {} done", server);
        }
        return ato;
    }

    @Override
    public void onStart(CommandContext context) throws InterruptedException {
        CloudAutomation.atStart(context);
    }

    private static CommandResult slmgr(CommandContext context, String... args)
            throws CommandException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CSCRIPT, "//NoLogo", SLMGR));
        command.addAll(List.of(args));
        ProcessResult result;
        try {
            result = context.processes().run(command, new byte[0], TIMEOUT);
        } catch (IOException e) {
            throw new CommandException("500", "Couldn't run cscript: " + e.getMessage(), e);
        }
        if (result.succeeded()) {
            return CommandResult.ok();
        }
        String output = truncate((result.stdout().strip() + " " + result.stderr().strip()).strip());
        LOG.warn("slmgr {} exited with {}: {}", args[0], result.exitCode(), output);
        return CommandResult.of(Integer.toString(result.exitCode()), "Command failed: " + output);
    }

    private static String truncate(String text) {
        return text.length() <= MAX_OUTPUT_CHARS ? text : text.substring(0, MAX_OUTPUT_CHARS) + "...";
    }
}
