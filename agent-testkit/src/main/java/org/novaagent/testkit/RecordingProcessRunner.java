/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.novaagent.api.ProcessResult;
import org.novaagent.api.ProcessRunner;

/**
 * A {@link ProcessRunner} that runs nothing: it records every command and answers from a script,
 * so handler tests see exactly what would be run. Like the runtime's runner it never keeps stdin
 * (which carries secrets): a {@link Call} has stdin's length and SHA-256 only.
 *
 * <p>Answers: the first scripted rule whose command prefix matches (and has uses left) answers;
 * otherwise the fallback does, by default exit 0 with empty output ({@code executed=true}).
 */
public final class RecordingProcessRunner implements ProcessRunner {

    /**
     * One recorded call.
     *
     * @param command     the program and its arguments
     * @param stdinLength how many bytes went to standard input
     * @param stdinSha256 lower-case hex SHA-256 of standard input (see {@link #sha256(String)})
     * @param timeout     the timeout the caller asked for
     */
    public record Call(List<String> command, int stdinLength, String stdinSha256, Duration timeout) {
        /** Copies the command. */
        public Call {
            command = List.copyOf(command);
        }
    }

    /** What a rule or the fallback does with a command. */
    private interface Answer {
        ProcessResult answer(List<String> command) throws IOException;
    }

    private static final class Rule {
        private final List<String> prefix;
        private final Answer answer;
        private int remaining;

        private Rule(List<String> prefix, Answer answer, int remaining) {
            this.prefix = List.copyOf(prefix);
            this.answer = answer;
            this.remaining = remaining;
        }

        private boolean matches(List<String> command) {
            return remaining != 0 && command.size() >= prefix.size()
                    && command.subList(0, prefix.size()).equals(prefix);
        }
    }

    private final List<Call> calls = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<Consumer<List<String>>> listeners = new ArrayList<>();
    private Answer fallback = command -> new ProcessResult(0, "", "", true);

    /** A runner that answers every command with exit 0 until scripted otherwise. */
    public RecordingProcessRunner() {
    }

    /**
     * @param result the answer to every command no rule matches
     * @return this
     */
    public synchronized RecordingProcessRunner otherwise(ProcessResult result) {
        Objects.requireNonNull(result, "result");
        fallback = command -> result;
        return this;
    }

    /**
     * Makes every command no rule matches fail the test with an {@link AssertionError}
     * ({@code why + ": " + command}), for code that must not run anything.
     *
     * @param why for example {@code "no process may run against a scratch root"}
     * @return this
     */
    public synchronized RecordingProcessRunner refuseUnscripted(String why) {
        Objects.requireNonNull(why, "why");
        fallback = command -> {
            throw new AssertionError(why + ": " + command);
        };
        return this;
    }

    /**
     * Makes every command no rule matches throw an {@link IOException} ({@code why + ": " + command}),
     * as a runner that cannot start programs would.
     *
     * @param why the message
     * @return this
     */
    public synchronized RecordingProcessRunner failUnscripted(String why) {
        Objects.requireNonNull(why, "why");
        fallback = command -> {
            throw new IOException(why + ": " + command);
        };
        return this;
    }

    /**
     * @param prefix the first words of the commands this rule answers ({@code List.of()} for all)
     * @param result their answer, every time
     * @return this
     */
    public RecordingProcessRunner answer(List<String> prefix, ProcessResult result) {
        return answer(prefix, result, -1);
    }

    /**
     * @param prefix the first words of the commands this rule answers ({@code List.of()} for all)
     * @param result their answer
     * @param times  how many commands it answers (then later rules or the fallback do); negative
     *               for no limit
     * @return this
     */
    public synchronized RecordingProcessRunner answer(List<String> prefix, ProcessResult result, int times) {
        Objects.requireNonNull(result, "result");
        rules.add(new Rule(prefix, command -> result, times));
        return this;
    }

    /**
     * Answers the next commands, whatever they are, with these results in order, one each.
     *
     * @param results the answers
     * @return this
     */
    public synchronized RecordingProcessRunner answerInOrder(ProcessResult... results) {
        for (ProcessResult r : results) {
            answer(List.of(), r, 1);
        }
        return this;
    }

    /**
     * @param prefix  the first words of the commands that cannot be started ({@code List.of()} for all)
     * @param failure thrown for each of them, every time
     * @return this
     */
    public synchronized RecordingProcessRunner fail(List<String> prefix, IOException failure) {
        Objects.requireNonNull(failure, "failure");
        rules.add(new Rule(prefix, command -> {
            throw failure;
        }, -1));
        return this;
    }

    /**
     * @param listener told each command (never stdin) before it is answered, for example to log
     *                 it as the runtime's runner does
     * @return this
     */
    public synchronized RecordingProcessRunner onRun(Consumer<List<String>> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public synchronized ProcessResult run(List<String> command, byte[] stdin, Duration timeout) throws IOException {
        Call call = new Call(command, stdin.length, sha256(stdin), timeout);
        calls.add(call);
        listeners.forEach(l -> l.accept(call.command()));
        for (Rule rule : rules) {
            if (rule.matches(call.command())) {
                if (rule.remaining > 0) {
                    rule.remaining--;
                }
                return rule.answer.answer(call.command());
            }
        }
        return fallback.answer(call.command());
    }

    /** @return every call so far, in order */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** @return the command of every call so far, in order */
    public synchronized List<List<String>> commands() {
        return calls.stream().map(Call::command).toList();
    }

    /** Forgets the recorded calls (the script stays). */
    public synchronized void clear() {
        calls.clear();
    }

    /**
     * @param text text as a handler would write it to stdin (UTF-8)
     * @return its SHA-256, to compare with {@link Call#stdinSha256()}
     */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
