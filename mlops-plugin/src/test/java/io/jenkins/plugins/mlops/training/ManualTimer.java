package io.jenkins.plugins.mlops.training;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Jenkins' timer as a test drives it ({@link TrainingServices#schedule}): scheduled work waits until the test runs
 * it, on the test's thread, so an execution's submission and polls happen one at a time and in view.
 */
final class ManualTimer {
    private final List<Task> tasks = new ArrayList<>();

    /** Keeps the work until the test runs it. */
    Future<?> schedule(final Runnable work, final Duration delay) {
        var task = new Task(work, delay);
        tasks.add(task);
        return task;
    }

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

    /** Forgets the work waiting, as a controller restart does. */
    void clear() {
        tasks.clear();
    }

    /** One piece of scheduled work; it runs on the test's thread, so it is done by the time anyone asks. */
    private static final class Task implements Future<Object> {
        private final Runnable work;
        private final Duration delay;
        private boolean cancelled;
        private boolean done;

        Task(final Runnable work, final Duration delay) {
            this.work = work;
            this.delay = delay;
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
            if (cancelled) {
                throw new CancellationException("cancelled before it ran");
            }
            return null;
        }

        @Override
        public Object get(final long timeout, final TimeUnit unit) {
            return get();
        }
    }
}
