/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandResult;
import org.novaagent.api.ProcessResult;
import org.novaagent.api.support.IoCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resetnetwork logic shared by every network plugin, so each plugin only supplies a renderer,
 * an applier and the files it owns: parse and validate everything first (an error answers
 * {@code "500"} and writes nothing), set the hostname, render, stage, and apply only when a file
 * changed; if applying fails, restore the previous files, re-apply them and answer {@code "500"}
 * with the tool's error. A repeat with identical input changes no file and runs no command.
 */
public final class ResetNetworkFlow {

    /** Timeout for every apply command. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

    /** Most characters of a failed tool's output quoted in the reply. */
    static final int DETAIL_CHARS = 300;

    /**
     * The whole request's timeout, which every network handler declares through
     * {@code CommandHandler.timeout()}: restarting networking easily outlasts the runtime's 30 s
     * default. The operator may still override it with {@code timeout.resetnetwork}.
     */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private static final Logger LOG = LoggerFactory.getLogger(ResetNetworkFlow.class);

    /** A parsed configuration plus the planned network file changes (rendered, then taken over). */
    private record Prepared(NetworkConfig config, FileStager stager, List<FileChange> plan, Set<String> takenOver) {
        ApplyPlan applyPlan() {
            return new ApplyPlan(config, plan, takenOver);
        }
    }

    private final NicSource nics;

    /** Creates the flow (stateless) with the Linux NIC source, {@link NicSource#SYSFS}. */
    public ResetNetworkFlow() {
        this(NicSource.SYSFS);
    }

    /**
     * Creates the flow with another NIC source (FreeBSD lists its NICs with {@code ifconfig -a}).
     *
     * @param nics where the target's real NICs come from
     */
    public ResetNetworkFlow(NicSource nics) {
        this.nics = Objects.requireNonNull(nics, "nics");
    }

    /**
     * Runs a resetnetwork; when {@link CommandContext#dryRun()} is true, answers {@code "0"} with
     * {@link DryRun#report()} instead and changes nothing (handlers using this flow therefore
     * declare {@code supportsDryRun()}).
     *
     * @param ctx      the request context (XenStore, root, process runner, settings)
     * @param renderer the plugin's pure renderer
     * @param options  gathers the renderer's options
     * @param applier  the plugin's apply commands
     * @param owned    files the plugin removes when they are no longer rendered
     * @return {@code "0"} on success (its message names adjustments such as a hostname made valid, else
     *         empty); {@code "500"} with a host-safe message otherwise
     * @throws InterruptedException when the request is cancelled while a command runs
     */
    public CommandResult run(CommandContext ctx, NetworkRenderer renderer, RendererOptionsFactory options,
                             Applier applier, OwnedFiles owned) throws InterruptedException {
        return run(ctx, renderer, options, applier, owned, ForeignConfigDetector.NONE);
    }

    /**
     * Runs a resetnetwork that also takes over other tools' configuration of the NICs it
     * configures ({@link ForeignConfigTakeover}), in the same staged, rolled-back-on-failure plan.
     *
     * @param ctx      the request context (XenStore, root, process runner, settings)
     * @param renderer the plugin's pure renderer
     * @param options  gathers the renderer's options
     * @param applier  the plugin's apply commands
     * @param owned    files the plugin removes when they are no longer rendered
     * @param foreign  finds other tools' files for the same NICs
     * @return {@code "0"} on success; {@code "500"} with a host-safe message otherwise
     * @throws InterruptedException when the request is cancelled while a command runs
     */
    public CommandResult run(CommandContext ctx, NetworkRenderer renderer, RendererOptionsFactory options,
                             Applier applier, OwnedFiles owned, ForeignConfigDetector foreign) throws InterruptedException {
        if (ctx.dryRun()) {
            try {
                return CommandResult.ok(dryRun(ctx, renderer, options, applier, owned, foreign).report());
            } catch (NetworkConfigException | IOException | IllegalArgumentException e) {
                return CommandResult.of("500", e.getMessage());
            }
        }
        Prepared p;
        try {
            p = prepare(ctx, renderer, options, owned, foreign);
        } catch (NetworkConfigException | IllegalArgumentException e) {
            LOG.warn("resetnetwork rejected: {}", e.getMessage());
            return CommandResult.of("500", e.getMessage());
        } catch (IOException e) {
            LOG.warn("resetnetwork cannot read its input", e);
            return CommandResult.of("500", "cannot read network data: " + e.getMessage());
        }
        setHostname(ctx, p);
        if (p.plan().stream().noneMatch(FileChange::changesConfig)) {
            try {
                p.stager().apply(p.plan());
            } catch (IOException e) {
                LOG.warn("cannot correct file modes", e);
            }
            LOG.info("resetnetwork: network files unchanged, nothing to apply");
            return success(p);
        }
        ApplyPlan plan = p.applyPlan();
        for (List<String> cmd : applier.preCommands(plan)) {
            Optional<String> err = execute(ctx, cmd);
            err.ifPresent(e -> LOG.warn("ignoring failure before writing files: {}", e));
        }
        StagedChange staged;
        try {
            staged = p.stager().apply(p.plan());
        } catch (IOException e) {
            // the cause category only: the exception's text names the agent's staging and backup paths
            LOG.warn("resetnetwork cannot write files", e);
            return CommandResult.of("500", "cannot write network files: " + IoCause.of(e));
        } catch (IllegalArgumentException e) {
            LOG.warn("resetnetwork cannot write files", e);
            return CommandResult.of("500", "cannot write network files: " + e.getMessage());
        }
        try {
            for (List<String> cmd : applier.commands(plan)) {
                Optional<String> err = execute(ctx, cmd);
                if (err.isPresent()) {
                    LOG.warn("resetnetwork failed: {}; restoring the previous files", err.get());
                    restore(ctx, staged, applier, plan);
                    return CommandResult.of("500", err.get());
                }
            }
        } catch (InterruptedException e) {
            rollbackInterrupted(staged);
            throw e;
        }
        return success(p);
    }

    /**
     * The request timed out or the agent is stopping while an apply command ran (the runner has
     * killed it and its children): the previous files go back, so the next boot or the next
     * request starts from them and never from a half-applied change (issue #17). The commands are
     * not run again: the deadline has passed. The interrupt is cleared for the rollback (the safe
     * writer gives up on an interrupted thread) and set again afterwards.
     */
    private static void rollbackInterrupted(StagedChange staged) {
        boolean interrupted = Thread.interrupted();
        LOG.warn("resetnetwork interrupted while applying; restoring the previous files");
        try {
            staged.rollback();
        } catch (IOException e) {
            LOG.error("cannot restore the previous network files", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code "0"}, naming any adjustment made to the host's data (e.g. the hostname's, issue #10). */
    private static CommandResult success(Prepared p) {
        return CommandResult.ok(String.join("; ", p.config().notes()));
    }

    /**
     * Computes what {@link #run} would do: writes nothing and runs nothing.
     *
     * @param ctx      the request context
     * @param renderer the plugin's renderer
     * @param options  gathers the renderer's options
     * @param applier  the plugin's apply commands
     * @param owned    files the plugin owns
     * @return the diff and the commands that would run
     * @throws NetworkConfigException the network data is invalid
     * @throws IOException            XenStore or a current file cannot be read
     */
    public DryRun dryRun(CommandContext ctx, NetworkRenderer renderer, RendererOptionsFactory options,
                         Applier applier, OwnedFiles owned) throws NetworkConfigException, IOException {
        return dryRun(ctx, renderer, options, applier, owned, ForeignConfigDetector.NONE);
    }

    /**
     * Computes what {@link #run(CommandContext, NetworkRenderer, RendererOptionsFactory, Applier, OwnedFiles,
     * ForeignConfigDetector)} would do, taken-over files included: writes nothing and runs nothing.
     *
     * @param ctx      the request context
     * @param renderer the plugin's renderer
     * @param options  gathers the renderer's options
     * @param applier  the plugin's apply commands
     * @param owned    files the plugin owns
     * @param foreign  finds other tools' files for the same NICs
     * @return the diff and the commands that would run
     * @throws NetworkConfigException the network data is invalid
     * @throws IOException            XenStore or a current file cannot be read
     */
    public DryRun dryRun(CommandContext ctx, NetworkRenderer renderer, RendererOptionsFactory options,
                         Applier applier, OwnedFiles owned, ForeignConfigDetector foreign)
            throws NetworkConfigException, IOException {
        Prepared p = prepare(ctx, renderer, options, owned, foreign);
        List<FileChange> all = new ArrayList<>();
        List<List<String>> commands = new ArrayList<>();
        if (p.config().hostname().isPresent()) {
            String host = p.config().hostname().get();
            List<FileChange> hostPlan = p.stager().plan(HostnameWriter.render(host,
                    p.stager().read("etc/hosts"), manageHosts(ctx)), OwnedFiles.none());
            all.addAll(hostPlan);
            if (hostPlan.stream().anyMatch(FileChange::changesConfig)) {
                commands.add(HostnameWriter.command(host, ctx.hostFacts()));
            }
        }
        all.addAll(p.plan());
        if (p.plan().stream().anyMatch(FileChange::changesConfig)) {
            ApplyPlan plan = p.applyPlan();
            commands.addAll(applier.preCommands(plan));
            commands.addAll(applier.commands(plan));
        }
        return new DryRun(FileStager.diff(all), commands, p.config().notes());
    }

    private Prepared prepare(CommandContext ctx, NetworkRenderer renderer, RendererOptionsFactory options,
                             OwnedFiles owned, ForeignConfigDetector foreign) throws NetworkConfigException, IOException {
        FileStager stager = new FileStager(ctx.root());
        List<LocalNic> local = nics.discover(ctx);
        NetworkConfig config = new XenStoreNetworkParser().read(ctx.xenStore(), local);
        List<RenderedFile> files = renderer.render(config, options.create(ctx, stager));
        List<FileChange> plan = new ArrayList<>(stager.plan(files, owned));
        ForeignConfigTakeover.Plan takeover = ForeignConfigTakeover.plan(config, stager, files, foreign);
        plan.addAll(takeover.changes());
        return new Prepared(config, stager, List.copyOf(plan), takeover.takenOver());
    }

    private void setHostname(CommandContext ctx, Prepared p) throws InterruptedException {
        if (p.config().hostname().isEmpty()) {
            return;
        }
        String host = p.config().hostname().get();
        try {
            StagedChange change = new HostnameWriter(p.stager()).write(host, manageHosts(ctx));
            if (!change.isEmpty()) {
                execute(ctx, HostnameWriter.command(host, ctx.hostFacts()))
                        .ifPresent(e -> LOG.warn("cannot set the running hostname: {}", e));
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("cannot write the hostname; continuing with the network", e);
        }
    }

    private void restore(CommandContext ctx, StagedChange staged, Applier applier, ApplyPlan plan)
            throws InterruptedException {
        try {
            staged.rollback();
        } catch (IOException e) {
            LOG.error("cannot restore the previous network files", e);
            return;
        }
        for (List<String> cmd : applier.rollbackCommands(plan)) {
            execute(ctx, cmd).ifPresent(e -> LOG.error("re-applying the previous files failed too: {}", e));
        }
    }

    /** @return an error description when the command could not run or exited non-zero */
    private Optional<String> execute(CommandContext ctx, List<String> cmd) throws InterruptedException {
        String shown = String.join(" ", cmd);
        try {
            ProcessResult r = ctx.processes().run(cmd, new byte[0], COMMAND_TIMEOUT);
            if (!r.executed()) {
                LOG.info("not running on a non-live root: {}", shown);
            }
            if (r.succeeded()) {
                return Optional.empty();
            }
            String detail = tail(r.stderr().isBlank() ? r.stdout() : r.stderr());
            return Optional.of(shown + " failed (exit " + r.exitCode() + ")" + (detail.isEmpty() ? "" : ": " + detail));
        } catch (IOException e) {
            return Optional.of(shown + " could not be started: " + e.getMessage());
        }
    }

    /**
     * The end of a tool's output, on one line and at most {@value #DETAIL_CHARS} characters: the
     * error is usually last, and a tool that prints megabytes must not fill the reply (the full
     * output is in the log at debug level).
     */
    static String tail(String output) {
        String text = output.strip().replaceAll("\\s+", " ");
        return text.length() <= DETAIL_CHARS ? text : "..." + text.substring(text.length() - DETAIL_CHARS);
    }

    private static boolean manageHosts(CommandContext ctx) {
        return ctx.setting(HostnameWriter.MANAGE_HOSTS_SETTING).map(Boolean::parseBoolean).orElse(false);
    }
}
