/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.file.inject.internal;

import java.util.Map;
import org.novaagent.api.Applicability;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandException;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HostFacts;
import org.novaagent.api.JsonValue;

/**
 * {@code file_inject}: nova's newer form, sent when {@code features} lists it. The value is a
 * JSON object {@code {"b64_path": ..., "b64_file": ...}} with path and contents base64-encoded
 * separately. Shares every check and the writer with {@code injectfile}.
 */
public final class FileInjectCommandHandler implements CommandHandler {

    /** Creates the handler (ServiceLoader). */
    public FileInjectCommandHandler() {
    }

    @Override
    public String name() {
        return "file_inject";
    }

    @Override
    public Applicability applicability(HostFacts facts) {
        return TargetPlatform.applicability(facts);
    }

    @Override
    public CommandResult handle(CommandRequest request, CommandContext context) throws CommandException {
        Map<String, Object> json = request.jsonObject().orElseThrow(() ->
                TargetResolver.fail("Invalid file_inject data: expected a JSON object with b64_path and b64_file"));
        FileInjector.checkEncodedSize(request.value());
        String b64Path;
        String b64File;
        try {
            b64Path = JsonValue.string(json, "b64_path").orElse(null);
            b64File = JsonValue.string(json, "b64_file").orElse(null);
        } catch (JsonValue.TypeException e) {
            throw TargetResolver.fail("Invalid file_inject data: " + e.getMessage());
        }
        if (b64Path == null || b64File == null) {
            throw TargetResolver.fail("Invalid file_inject data: b64_path and b64_file are both required");
        }
        String path = FileInjector.decodePath(FileInjector.decodeBase64(b64Path));
        return FileInjector.inject(context, path, FileInjector.decodeBase64(b64File));
    }
}
