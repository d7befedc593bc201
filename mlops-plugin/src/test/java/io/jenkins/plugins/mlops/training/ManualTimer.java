package io.jenkins.plugins.mlops.training;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Jenkins' timer as a test drives it: scheduled work waits until the test runs it, on the test's thread, so an
 * execution's submission and polls happen one at a time and in view.
 */
final class ManualTimer extends AbstractExecutorService implements ScheduledExecutorService {
    private final List<Task> tasks = new ArrayList<>();

    /** Runs the work scheduled so far that has not been cancelled (not what it schedules in turn). */
    void runPending() {
        var due = List.copyOf(tasks);
        tasks.clear();
        for (Task task : due) {
            if (!task.isCancelled()) {
                task.done = true;
                task.work.run();
            }
        }
    }

    /** Runs scheduled work until none is left, at most {@code rounds} times. */
    void runAll(final int rounds) {
        for (int i = 0; i < rounds && hasPending(); i++) {
            runPending();
        }
    }

    boolean hasPending() {
        return tasks.stream().anyMatch(task -> !task.isCancelled());
    }

    /** The delay of the work waiting, for assertions. */
    List<Duration> delays() {
        return tasks.stream().filter(task -> !task.isCancelled()).map(task -> task.delay).toList();
    }

    @Override
    public ScheduledFuture<?> schedule(final Runnable command, final long delay, final TimeUnit unit) {
        var task = new Task(command, Duration.ofMillis(unit.toMillis(delay)));
        tasks.add(task);
        return task;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(final Callable<V> callable, final long delay, final TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the plugin");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(final Runnable command, final long initialDelay, final long period,
            final TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the plugin");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(final Runnable command, final long initialDelay,
            final long delay, final TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the plugin");
    }

    @Override
    public void execute(final Runnable command) {
        schedule(command, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public void shutdown() {
        tasks.clear();
    }

    @Override
    public List<Runnable> shutdownNow() {
        tasks.clear();
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(final long timeout, final TimeUnit unit) {
        return true;
    }

    /** One piece of scheduled work. */
    private static final class Task implements ScheduledFuture<Object> {
        private final Runnable work;
        private final Duration delay;
        private boolean cancelled;
        private boolean done;

        Task(final Runnable work, final Duration delay) {
            this.work = work;
            this.delay = delay;
        }

        @Override
        public long getDelay(final TimeUnit unit) {
            return unit.convert(delay.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(final Delayed other) {
            return Long.compare(getDelay(TimeUnit.MILLISECONDS), other.getDelay(TimeUnit.MILLISECONDS));
        }

        @Override
        public boolean cancel(final boolean mayInterruptIfRunning) {
            if (done) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(final long timeout, final TimeUnit unit) {
            return null;
        }
    }
}
