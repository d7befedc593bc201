package io.mlops.training.local;

/** One line on a process's exit code, naming the signal when a signal ended it (exit code 128 + signal). */
final class ExitCodes {
    private ExitCodes() {
    }

    static String explain(final int exitCode) {
        if (exitCode == 0) {
            return "the training command exited with 0";
        }
        if (exitCode > 128 && exitCode < 128 + 32) {
            int signal = exitCode - 128;
            var name = switch (signal) {
                case 1 -> "SIGHUP";
                case 2 -> "SIGINT";
                case 6 -> "SIGABRT";
                case 9 -> "SIGKILL";
                case 11 -> "SIGSEGV";
                case 15 -> "SIGTERM";
                default -> "signal " + signal;
            };
            var hint = signal == 9 ? ": out of memory (the kernel's OOM killer), or killed from outside" : "";
            return "the training command was killed by " + name + " (exit code " + exitCode + ")" + hint;
        }
        return "the training command exited with code " + exitCode;
    }
}
