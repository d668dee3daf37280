/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.file.inject.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandException;
import org.novaagent.api.CommandResult;
import org.novaagent.api.support.BackupDirectory;
import org.novaagent.api.support.IoCause;
import org.novaagent.api.support.RefusedPathException;
import org.novaagent.api.support.SafeFiles;
import org.novaagent.api.support.WindowsFiles;
import org.novaagent.api.support.WriteOptions;
import org.novaagent.api.support.WriteOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part shared by {@code injectfile} and {@code file_inject}: strict base64, the size limit,
 * path checks and the write: on Windows targets through {@link WindowsFiles}, elsewhere
 * through {@link SafeFiles} (no link followed anywhere, temp file in a
 * private directory, mode/owner/group of an existing file kept, one backup of at most
 * {@link SafeFiles#COPY_LIMIT} bytes, atomic rename, fsync). Exists so the two wire formats cannot drift apart.
 */
final class FileInjector {

    /** Largest accepted file content: 1 MiB (an authorized_keys file is a few KiB). */
    static final int MAX_CONTENT_BYTES = 1 << 20;
    /** Largest accepted base64 text: enough for the limit plus a maximal path and JSON framing. */
    static final int MAX_ENCODED_CHARS = (MAX_CONTENT_BYTES + 4096 + 16) / 3 * 4 + 4 + 256;
    static final String BAD_BASE64 = "Error doing base64 decoding of data";
    /** Mode of a file that did not exist before (2.x); an existing file keeps mode, owner and group. */
    static final int NEW_FILE_MODE = 0600;

    private static final Logger LOG = LoggerFactory.getLogger(FileInjector.class);

    private FileInjector() {
    }

    /**
     * Decodes standard base64 strictly: padding required, no whitespace or foreign characters.
     *
     * @param text the base64 text
     * @return the bytes
     * @throws CommandException {@code "500"} {@value #BAD_BASE64}
     */
    static byte[] decodeBase64(String text) throws CommandException {
        if (text.length() % 4 != 0) {
            throw TargetResolver.fail(BAD_BASE64);
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw TargetResolver.fail(BAD_BASE64);
        }
    }

    /**
     * @param value encoded request text
     * @throws CommandException {@code "500"} when it cannot hold a file within the limit
     */
    static void checkEncodedSize(String value) throws CommandException {
        if (value.length() > MAX_ENCODED_CHARS) {
            throw tooLarge((long) value.length() / 4 * 3);
        }
    }

    /**
     * @param pathBytes the guest path as sent
     * @return the path decoded as strict UTF-8
     * @throws CommandException {@code "500"} when the bytes are not UTF-8
     */
    static String decodePath(byte[] pathBytes) throws CommandException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(pathBytes)).toString();
        } catch (CharacterCodingException e) {
            throw TargetResolver.fail("Invalid path: not valid UTF-8");
        }
    }

    /**
     * Writes the file under the root: a POSIX path through {@link SafeFiles}, or on a Windows target
     * a {@code C:\...} path through {@link WindowsFiles}.
     *
     * @param context   the request's context (target root, host facts)
     * @param guestPath the absolute guest path
     * @param contents  the raw bytes to write
     * @return {@code "0"} on success
     * @throws CommandException {@code "500"} with a clear message for every failure
     */
    static CommandResult inject(CommandContext context, String guestPath, byte[] contents) throws CommandException {
        if (contents.length > MAX_CONTENT_BYTES) {
            throw tooLarge(contents.length);
        }
        return context.hostFacts().isWindows() ? injectWindows(context.root(), guestPath, contents)
                : injectPosix(context.root(), guestPath, contents);
    }

    private static CommandResult injectPosix(Path root, String guestPath, byte[] contents) throws CommandException {
        TargetResolver.validate(guestPath);
        try {
            WriteOutcome outcome = SafeFiles.under(root).write(TargetResolver.relative(guestPath), contents,
                    WriteOptions.mode(NEW_FILE_MODE).keepingExisting().withParents(TargetResolver.parentMode(guestPath))
                            .withBackup());
            if (!outcome.backupNote().isEmpty()) {
                LOG.warn("{}: {}", TargetResolver.quote(guestPath), outcome.backupNote());
            }
            LOG.info("Injected {} bytes into {}", contents.length, TargetResolver.quote(guestPath));
            return CommandResult.ok();
        } catch (RefusedPathException e) {
            LOG.warn("Refused to inject {}: {}", TargetResolver.quote(guestPath), e.getMessage());
            throw TargetResolver.fail("Refusing to write " + TargetResolver.quote(guestPath) + ": "
                    + TargetResolver.quote("/" + e.relativePath()) + " " + e.reason());
        } catch (IOException e) {
            LOG.warn("Couldn't inject {}", TargetResolver.quote(guestPath), e);
            throw new CommandException("500", "Couldn't write " + TargetResolver.quote(guestPath) + ": " + IoCause.of(e), e);
        }
    }

    /**
     * Windows: the path checked by {@link WindowsTargetPath} against the system drive the root
     * stands for, written by {@link WindowsFiles}. The bytes are written as sent (the C# agent
     * decoded them as ASCII text and re-encoded them as UTF-8, losing every non-ASCII byte).
     */
    private static CommandResult injectWindows(Path root, String guestPath, byte[] contents) throws CommandException {
        WindowsTargetPath target = WindowsTargetPath.parse(guestPath,
                WindowsTargetPath.systemDrive(root.toAbsolutePath().toString()));
        try {
            WriteOutcome outcome = WindowsFiles.under(root).write(target.relative(), contents,
                    WriteOptions.mode(NEW_FILE_MODE).keepingExisting().withParents(0755).withBackup());
            if (!outcome.backupNote().isEmpty()) {
                LOG.warn("{}: {}", TargetResolver.quote(guestPath), outcome.backupNote());
            }
            LOG.info("Injected {} bytes into {}", contents.length, TargetResolver.quote(guestPath));
            return CommandResult.ok();
        } catch (RefusedPathException e) {
            LOG.warn("Refused to inject {}: {}", TargetResolver.quote(guestPath), e.getMessage());
            throw TargetResolver.fail("Refusing to write " + TargetResolver.quote(guestPath) + ": "
                    + TargetResolver.quote(target.display(e.relativePath())) + " " + e.reason());
        } catch (IOException e) {
            LOG.warn("Couldn't inject {}", TargetResolver.quote(guestPath), e);
            throw new CommandException("500", "Couldn't write " + TargetResolver.quote(guestPath) + ": " + IoCause.of(e), e);
        }
    }

    /**
     * @param root      the target root
     * @param guestPath the absolute guest path of the file
     * @return the one backup kept of a replaced file: {@code <root>/var/lib/nova-agent/backup/<guest path>}
     */
    static Path backupOf(Path root, String guestPath) {
        return BackupDirectory.backupOf(root, TargetResolver.relative(guestPath));
    }

    private static CommandException tooLarge(long size) {
        return TargetResolver.fail("File too large: about " + size + " bytes (limit " + MAX_CONTENT_BYTES + " bytes)");
    }
}
