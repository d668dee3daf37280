/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.rhel.registration.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.novaagent.api.Applicability;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandException;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HostFacts;
import org.novaagent.api.ProcessResult;
import org.novaagent.api.support.IoCause;
import org.novaagent.api.support.SafeFiles;
import org.novaagent.api.support.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kmsactivate} on RHEL: registers the system with Red Hat using the activation key the
 * host sends, through {@code subscription-manager} (preferred) or legacy {@code rhnreg_ks} with an
 * RHN {@code up2date} file (docs/protocol.md §5.1). The key is never logged, never put in an error message
 * and never passed to {@code ProcessRunner} in argv (see {@link RegistrationCommands}).
 */
public final class RhelKmsActivateCommandHandler implements CommandHandler {

    static final String UP2DATE = "/etc/sysconfig/rhn/up2date";
    static final String SYSTEMID = "/etc/sysconfig/rhn/systemid";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(RhelKmsActivateCommandHandler.class);

    /** Creates the handler (ServiceLoader). */
    public RhelKmsActivateCommandHandler() {
    }

    @Override
    public String name() {
        return "kmsactivate";
    }

    @Override
    public Applicability applicability(HostFacts facts) {
        if (facts.family() == HostFacts.OsFamily.RHEL) {
            return Applicability.yes("RHEL family: registers with subscription-manager or rhnreg_ks");
        }
        return Applicability.no("registers RHEL systems with Red Hat; this host's family is " + facts.family()
                + (facts.isWindows() ? " (Windows KMS activation is the windows-activation plugin)" : ""));
    }

    @Override
    public CommandResult handle(CommandRequest request, CommandContext context)
            throws CommandException, InterruptedException {
        KmsRequest kms = KmsRequest.parse(request);
        HostFacts facts = context.hostFacts();
        Optional<String> subscriptionManager = facts.which("subscription-manager");
        Optional<String> rhnregKs = facts.which("rhnreg_ks");
        if (subscriptionManager.isPresent() && kms.org().isPresent()) {
            LOG.info("Registering profile '{}' with org '{}' via {}", kms.profile(), kms.org().get(), subscriptionManager.get());
            return register(context, kms, RegistrationCommands.subscriptionManager(
                    subscriptionManager.get(), kms.org().get(), kms.profile()), "Couldn't register with subscription-manager: ");
        }
        if (rhnregKs.isPresent()) {
            prepareRhn(context, kms);
            LOG.info("Registering profile '{}' with RHN {} via {}", kms.profile(), kms.domains(), rhnregKs.get());
            return register(context, kms, RegistrationCommands.rhnregKs(rhnregKs.get(), kms.profile()),
                    "Couldn't activate with RHN: ");
        }
        if (subscriptionManager.isPresent()) {
            throw new CommandException("500", "subscription-manager needs an organisation with an activation key: "
                    + "the kmsactivate value has no \"org\" (and rhnreg_ks is not installed)");
        }
        throw new CommandException("500", "Neither subscription-manager nor rhnreg_ks is installed: cannot register");
    }

    /**
     * Writes {@code up2date} (0644, atomically, missing directories 0755) and removes the old
     * {@code systemid}, both through {@link SafeFiles}: no link followed on the way. 2.x wrote
     * {@code up2date} in place and crashed when {@code /etc/sysconfig/rhn} was missing (protocol §7.1).
     */
    private static void prepareRhn(CommandContext context, KmsRequest kms) throws CommandException {
        try {
            SafeFiles files = SafeFiles.under(context.root());
            files.write(UP2DATE.substring(1), Up2dateRenderer.render(kms.domains()).getBytes(StandardCharsets.UTF_8),
                    WriteOptions.mode(0644).withParents(0755));
            files.delete(SYSTEMID.substring(1));
        } catch (IOException e) {
            throw new CommandException("500", "Couldn't prepare " + UP2DATE + ": " + IoCause.of(e), e);
        }
    }

    private static CommandResult register(CommandContext context, KmsRequest kms, List<String> command, String failure)
            throws CommandException, InterruptedException {
        String key = kms.activationKey();
        byte[] stdin = (key + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            ProcessResult result = context.processes().run(command, stdin, TIMEOUT);
            if (!result.executed()) {
                LOG.info("Registration not executed: the target root is not the live system");
                return CommandResult.ok();
            }
            if (result.succeeded()) {
                LOG.info("Registration succeeded");
                return CommandResult.ok();
            }
            LOG.warn("Registration failed with exit code {}: {}", result.exitCode(),
                    mask(tail(result.stderr() + result.stdout()), key));
            return CommandResult.of("500", failure + result.exitCode());
        } catch (IOException e) {
            // No cause attached: the runtime logs causes, and a tool's message could echo its argv.
            throw new CommandException("500", failure + mask(String.valueOf(e.getMessage()), key));
        } finally {
            Arrays.fill(stdin, (byte) 0);
        }
    }

    /** @return the text with every occurrence of the secret replaced by {@code <removed>} */
    static String mask(String text, String secret) {
        return secret.isEmpty() ? text : text.replace(secret, "<removed>");
    }

    private static String tail(String text) {
        String t = text.strip();
        return t.length() <= 1000 ? t : "..." + t.substring(t.length() - 1000);
    }
}
