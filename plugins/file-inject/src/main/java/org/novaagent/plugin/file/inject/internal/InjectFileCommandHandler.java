/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.file.inject.internal;

import java.util.Arrays;
import org.novaagent.api.Applicability;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandException;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HostFacts;

/**
 * {@code injectfile}: the value is base64 of {@code <path>,<contents>}, split at the first comma;
 * the contents are raw bytes (binary-safe). nova uses it for {@code /root/.ssh/authorized_keys}.
 */
public final class InjectFileCommandHandler implements CommandHandler {

    /** Creates the handler (ServiceLoader). */
    public InjectFileCommandHandler() {
    }

    @Override
    public String name() {
        return "injectfile";
    }

    @Override
    public Applicability applicability(HostFacts facts) {
        return TargetPlatform.applicability(facts);
    }

    @Override
    public CommandResult handle(CommandRequest request, CommandContext context) throws CommandException {
        String value = request.value();
        FileInjector.checkEncodedSize(value);
        byte[] data = FileInjector.decodeBase64(value);
        int comma = indexOf(data, (byte) ',');
        if (comma < 0) {
            throw TargetResolver.fail("Invalid injectfile data: expected base64 of '<path>,<contents>' (no comma found)");
        }
        String path = FileInjector.decodePath(Arrays.copyOfRange(data, 0, comma));
        byte[] contents = Arrays.copyOfRange(data, comma + 1, data.length);
        return FileInjector.inject(context, path, contents);
    }

    private static int indexOf(byte[] data, byte b) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
