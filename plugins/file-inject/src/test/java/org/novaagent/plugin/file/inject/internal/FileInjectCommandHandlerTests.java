/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.file.inject.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.novaagent.api.CommandException;
import org.novaagent.api.CommandResult;
import org.novaagent.testkit.RecordingProcessRunner;
import org.novaagent.testkit.TestCommandContext;
import org.novaagent.testkit.TestRequests;
import org.novaagent.testkit.TestHostFacts;

class FileInjectCommandHandlerTests {

    @TempDir
    Path root;

    private final FileInjectCommandHandler handler = new FileInjectCommandHandler();

    private static String b64(String s) {
        return b64(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private CommandResult send(String json, boolean isJson) throws CommandException {
        return handler.handle(isJson ? TestRequests.json("file_inject", json) : TestRequests.string("file_inject", json),
                TestCommandContext.builder(root).hostFacts(TestHostFacts::debian)
                        .runner(new RecordingProcessRunner().failUnscripted("file injection must not run processes"))
                        .build());
    }

    private CommandException failure(String json, boolean isJson) throws Exception {
        CommandException e = assertThrows(CommandException.class, () -> send(json, isJson));
        assertEquals("500", e.returnCode());
        try (Stream<Path> s = Files.list(root)) {
            assertEquals(0, s.count(), "nothing written");
        }
        return e;
    }

    @Test
    void writesTheFileFromSeparatelyEncodedPathAndContents() throws Exception {
        byte[] contents = {0, 1, ',', (byte) 0xfe, '\n'};
        String json = "{\"b64_path\": \"" + b64("/etc/hosts.d/x,y") + "\", \"b64_file\": \"" + b64(contents) + "\"}";
        assertEquals(CommandResult.ok(), send(json, true));
        assertArrayEquals(contents, Files.readAllBytes(root.resolve("etc/hosts.d/x,y")), "a comma in the path is fine here");
    }

    @Test
    void plainStringValueIsRefused() throws Exception {
        CommandException e = failure(b64("/etc/x,y"), false);
        assertTrue(e.getMessage().contains("JSON object"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"b64_path\": \"L2V0Yy94\"}", "{\"b64_path\": \"L2V0Yy94\", \"b64_file\": 5}",
        "{\"b64_path\": [\"L2V0Yy94\"], \"b64_file\": \"eA==\"}", "[\"L2V0Yy94\"]", "42"})
    void valuesWithoutTwoStringMembersAreRefused(String json) throws Exception {
        CommandException e = failure(json, true);
        assertTrue(e.getMessage().startsWith("Invalid file_inject data"), e.getMessage());
    }

    @Test
    void badBase64InEitherMemberIsRefused() throws Exception {
        assertEquals("Error doing base64 decoding of data",
                failure("{\"b64_path\": \"L2V0Yy94\", \"b64_file\": \"e\"}", true).getMessage());
        assertEquals("Error doing base64 decoding of data",
                failure("{\"b64_path\": \"%%%%\", \"b64_file\": \"eA==\"}", true).getMessage());
    }

    @Test
    void pathRulesAreShared() throws Exception {
        CommandException e = failure("{\"b64_path\": \"" + b64("/etc/../x") + "\", \"b64_file\": \"eA==\"}", true);
        assertTrue(e.getMessage().startsWith("Invalid path"), e.getMessage());
    }
}
