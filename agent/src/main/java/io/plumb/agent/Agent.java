package io.plumb.agent;

import io.plumb.agent.notify.Notification;
import io.plumb.agent.notify.Notifier;
import io.plumb.agent.notify.NotifyException;
import io.plumb.agent.store.CheckRecord;
import io.plumb.agent.store.OutboxEntry;
import io.plumb.agent.store.Store;
import io.plumb.agent.store.StoreException;
import io.plumb.engine.drift.DriftReport;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * An {@code Agent} is the loop of one agent process: it leases due targets from the store, checks them with bounded
 * concurrency, records each result with the notifications a change of status brings, and delivers the outbox.
 *
 * <p>A fault of the store or of a receiver is logged and retried on the next round; it never ends the loop. {@link
 * #close()} stops claiming, lets the checks in flight finish (for a bounded time), and releases the leases.
 */
public final class Agent implements AutoCloseable {

    /** How many notifications one delivery round takes. */
    private static final int OUTBOX_BATCH = 50;

    /** The next attempt of a notification its receiver refused for good: later than any flush looks. */
    private static final Instant NEVER = Instant.ofEpochMilli(Long.MAX_VALUE - 1);

    /** What a {@code --once} run flushes up to: every notification still to retry. */
    private static final Instant FLUSH = Instant.ofEpochMilli(Long.MAX_VALUE / 2);

    private final AgentConfig config;
    private final Store store;
    private final Checker checker;
    private final Map<String, Notifier> notifiers;
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final CheckLog log;
    private final Clock clock;
    private final String owner;
    private final Metrics metrics = new Metrics();
    private final ExecutorService checks;
    private final Semaphore slots;
    private final Object wake = new Object();
    private volatile boolean running;
    private volatile boolean registered;
    private final List<Thread> loops = new ArrayList<>();
    private final Map<String, DriftReport> reports = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Creates an agent.
     *
     * @param config the configuration
     * @param store the store, which the agent closes
     * @param checker what checks a target
     * @param notifiers the notifier of each channel, by name
     * @param log where the structured log goes (standard error)
     */
    public Agent(AgentConfig config, Store store, Checker checker, Map<String, Notifier> notifiers, PrintWriter log) {
        this(config, store, checker, notifiers, log, Clock.systemUTC());
    }

    Agent(
            AgentConfig config,
            Store store,
            Checker checker,
            Map<String, Notifier> notifiers,
            PrintWriter log,
            Clock clock) {
        this.config = config;
        this.store = store;
        this.checker = checker;
        this.notifiers = Map.copyOf(notifiers);
        config.targets().forEach(t -> targets.put(t.name(), t));
        this.log = new CheckLog(log);
        this.clock = clock;
        this.owner = hostName() + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID();
        this.checks = Executors.newFixedThreadPool(config.concurrency(), r -> {
            Thread t = new Thread(r, "plumb-agent-check");
            t.setDaemon(true);
            return t;
        });
        this.slots = new Semaphore(config.concurrency());
    }

    /** Returns the configuration. */
    public AgentConfig config() {
        return config;
    }

    /** Returns the store. */
    public Store store() {
        return store;
    }

    /** Returns this process's metrics. */
    public Metrics metrics() {
        return metrics;
    }

    /** Returns the checker, whose replay count the bench prints. */
    public Checker checker() {
        return checker;
    }

    /** Returns the drift report of this process's last check of a target, if it got that far. */
    public Optional<DriftReport> lastReport(String name) {
        return Optional.ofNullable(reports.get(name));
    }

    /** Returns this process's lease owner name: host, process id and a random part. */
    public String owner() {
        return owner;
    }

    /** Returns the configured target of that name. */
    public Optional<Target> target(String name) {
        return Optional.ofNullable(targets.get(name));
    }

    /** Starts the check loop and the delivery loop on threads of their own. */
    public synchronized void start() {
        running = true;
        log.event(clock.instant(), "start", "agent " + owner + " watching " + targets.size() + " target(s)");
        loops.add(thread("plumb-agent-schedule", this::scheduleLoop));
        loops.add(thread("plumb-agent-deliver", this::deliverLoop));
    }

    /**
     * Checks every target once, whatever its schedule, then tries to deliver every waiting notification once: the
     * {@code --once} run. Targets another agent holds are left to it.
     *
     * @return whether every step could reach the store
     */
    public boolean runOnce() {
        running = true;
        try {
            register();
            store.makeDue(List.of(), clock.instant());
            while (claimAndCheck() > 0) {
                // Claims as many targets as there are free slots, until none is due.
            }
            awaitChecks();
            deliver(FLUSH);
            return true;
        } catch (StoreException e) {
            log.event(clock.instant(), "store_error", e.getMessage() == null ? "" : e.getMessage());
            return false;
        } finally {
            running = false;
        }
    }

    /** Makes a target (or all, when empty) due now and wakes the loop: "run now". */
    public void checkNow(Optional<String> name) {
        store.makeDue(name.map(List::of).orElse(List.of()), clock.instant());
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void scheduleLoop() {
        while (running) {
            try {
                register();
                claimAndCheck();
            } catch (StoreException e) {
                log.event(clock.instant(), "store_error", String.valueOf(e.getMessage()));
            } catch (RuntimeException e) {
                // Nothing may end the loop; the fault is logged, masked, and the next round tries again.
                log.event(
                        clock.instant(),
                        "loop_error",
                        config.mask(e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
            pause();
        }
    }

    private void deliverLoop() {
        while (running) {
            try {
                deliver(clock.instant());
            } catch (StoreException e) {
                log.event(clock.instant(), "store_error", String.valueOf(e.getMessage()));
            } catch (RuntimeException e) {
                log.event(
                        clock.instant(),
                        "loop_error",
                        config.mask(e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
            pause();
        }
    }

    private void pause() {
        synchronized (wake) {
            if (running) {
                try {
                    wake.wait(config.poll().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    private void register() {
        if (!registered) {
            store.register(new ArrayList<>(targets.keySet()), clock.instant());
            registered = true;
        }
    }

    /** Claims as many due targets as there are free slots and starts their checks; returns how many. */
    private int claimAndCheck() {
        int free = slots.availablePermits();
        if (free == 0) {
            // Every slot is busy: wait for one, so that the --once loop does not spin.
            slots.acquireUninterruptibly();
            slots.release();
            return 1;
        }
        List<String> claimed = store.claim(owner, clock.instant(), config.lease(), free);
        for (String name : claimed) {
            Target target = targets.get(name);
            if (target == null) {
                // Another agent's configuration has it; this one leaves it due for that agent.
                continue;
            }
            slots.acquireUninterruptibly();
            checks.execute(() -> {
                try {
                    check(target);
                } finally {
                    slots.release();
                }
            });
        }
        return claimed.size();
    }

    private void awaitChecks() {
        slots.acquireUninterruptibly(config.concurrency());
        slots.release(config.concurrency());
    }

    private void check(Target target) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        CheckResult result = checker.check(target);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        Instant finished = clock.instant();
        metrics.checked(result.status(), took);
        result.drift().ifPresentOrElse(r -> reports.put(target.name(), r), () -> reports.remove(target.name()));
        log.check(target, result, finished, took);
        Instant nextDue = target.schedule().next(started.atZone(ZoneOffset.UTC)).toInstant();
        CheckRecord record = new CheckRecord(
                target.name(),
                owner,
                result.status().label(),
                result.currentVersion(),
                result.latestVersion(),
                result.pending(),
                target.mask(result.message()),
                result.reportJson(),
                result.inspected(),
                finished,
                nextDue);
        try {
            store.record(record, previous -> drafts(target, result, previous, finished));
        } catch (StoreException e) {
            // The lease runs out and the target is checked again: nothing is recorded half.
            log.event(clock.instant(), "store_error", String.valueOf(e.getMessage()));
        }
    }

    /**
     * The notifications of a change of status, one per channel. A target's first check notifies only when it is not
     * synced, so that a new agent over many healthy databases does not page anyone.
     */
    private List<OutboxEntry.Draft> drafts(Target target, CheckResult result, Optional<String> previous, Instant at) {
        if (previous.isEmpty() && result.status() == TargetStatus.SYNCED) {
            return List.of();
        }
        List<OutboxEntry.Draft> drafts = new ArrayList<>();
        for (String channel : notifiers.keySet()) {
            Notification notification = new Notification(
                    UUID.randomUUID().toString(),
                    Notification.STATUS_CHANGED,
                    target.name(),
                    previous.orElse(null),
                    result.status().label(),
                    result.currentVersion().orElse(null),
                    result.latestVersion().orElse(null),
                    result.pending().size(),
                    target.mask(result.message()),
                    link(target.name()),
                    at);
            drafts.add(new OutboxEntry.Draft(channel, NotificationJson.write(notification)));
        }
        return drafts;
    }

    /** Returns the dashboard link of a target, when the agent has a public address. */
    public @org.jspecify.annotations.Nullable String link(String name) {
        return config.publicUrl()
                .map(u -> (u.endsWith("/") ? u : u + "/") + "targets/" + UrlPassword.encode(name))
                .orElse(null);
    }

    /** Delivers the notifications due at {@code now}; each is marked delivered only once its receiver accepted it. */
    private void deliver(Instant now) {
        while (true) {
            List<OutboxEntry> due = store.claimOutbox(now, Duration.ofMinutes(5), OUTBOX_BATCH);
            for (OutboxEntry entry : due) {
                deliver(entry);
            }
            if (due.size() < OUTBOX_BATCH) {
                return;
            }
        }
    }

    private void deliver(OutboxEntry entry) {
        Notifier notifier = notifiers.get(entry.channel());
        Instant now = clock.instant();
        if (notifier == null) {
            // The channel left the configuration: the notification waits, in case it comes back.
            store.failed(
                    entry.id(), "channel \"" + entry.channel() + "\" is not configured", now.plus(Duration.ofHours(1)));
            return;
        }
        try {
            notifier.send(NotificationJson.read(entry.payload()));
            store.delivered(entry.id(), clock.instant());
            metrics.delivered();
        } catch (NotifyException | RuntimeException e) {
            if (e instanceof StoreException s) {
                throw s;
            }
            metrics.deliveryFailed();
            String message = config.mask(String.valueOf(e.getMessage()));
            boolean permanent = e instanceof NotifyException n && !n.isRetryable();
            Duration wait = config.backoff()
                    .delay(entry.attempts() + 1, ThreadLocalRandom.current().nextDouble());
            log.event(
                    now,
                    permanent ? "notify_refused" : "notify_failed",
                    "channel " + entry.channel() + ", target " + entry.target() + ", attempt " + (entry.attempts() + 1)
                            + ": " + message);
            // A permanent refusal (a 4xx, a rejected address) stays in the outbox as failed and is not retried: no
            // later attempt, not even a --once flush, would succeed.
            store.failed(entry.id(), message, permanent ? NEVER : now.plus(wait));
        }
    }

    /** Stops claiming, waits up to half a minute for the checks in flight, and releases this agent's leases. */
    @Override
    public void close() {
        running = false;
        synchronized (wake) {
            wake.notifyAll();
        }
        for (Thread loop : loops) {
            try {
                loop.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        checks.shutdown();
        try {
            if (!checks.awaitTermination(30, TimeUnit.SECONDS)) {
                checks.shutdownNow();
            }
        } catch (InterruptedException e) {
            checks.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            store.release(owner);
            log.event(clock.instant(), "stop", "agent " + owner + " stopped, leases released");
        } catch (StoreException e) {
            log.event(clock.instant(), "store_error", String.valueOf(e.getMessage()));
        } finally {
            store.close();
        }
    }

    private static Thread thread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
