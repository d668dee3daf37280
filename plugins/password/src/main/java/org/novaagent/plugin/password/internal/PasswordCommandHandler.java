/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.security.SecureRandom;
import org.novaagent.api.Applicability;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HostFacts;

/**
 * Serves {@code password} on Linux and other Unix guests (docs/protocol.md §2.6): decrypts with the
 * keyinit secret and sets the configured user's password ({@code password.user}, default root)
 * through chpasswd or the shadow file.
 */
public final class PasswordCommandHandler implements CommandHandler {

    private final SecureRandom random;

    /** ServiceLoader constructor. */
    public PasswordCommandHandler() {
        this.random = new SecureRandom();
    }

    @Override
    public String name() {
        return "password";
    }

    @Override
    public Applicability applicability(HostFacts facts) {
        if (facts.isWindows()) {
            return Applicability.no("Windows guest: served by the Windows password handler");
        }
        if (facts.family() == HostFacts.OsFamily.FREEBSD) {
            return Applicability.yes("sets the password with pw usermod -h 0 (FreeBSD)");
        }
        return Applicability.yes("sets the password with chpasswd or etc/shadow");
    }

    @Override
    public CommandResult handle(CommandRequest request, CommandContext context) throws InterruptedException {
        return PasswordFlow.run(request, context, password -> {
            String user = LinuxPasswordSetter.userFrom(context);
            if (context.hostFacts().family() == HostFacts.OsFamily.FREEBSD) {
                FreebsdPasswordSetter.set(context, user, password);
            } else {
                LinuxPasswordSetter.forContext(context, random).set(user, password);
            }
        });
    }
}
