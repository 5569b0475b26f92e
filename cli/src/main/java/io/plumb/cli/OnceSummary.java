package io.plumb.cli;

import io.plumb.agent.store.TargetState;
import java.util.List;

/** {@code OnceSummary} is what {@code plumb agent --once} prints: one line per target, then the counts. */
final class OnceSummary {

    private OnceSummary() {}

    static String of(List<TargetState> targets) {
        StringBuilder out = new StringBuilder();
        int synced = 0;
        int pending = 0;
        int drifted = 0;
        int error = 0;
        for (TargetState target : targets) {
            String status = target.status().orElse("unknown");
            switch (status) {
                case "synced" -> synced++;
                case "pending" -> pending++;
                case "drifted" -> drifted++;
                default -> error++;
            }
            out.append(String.format(
                    "%-8s %s  current %s, latest %s%s%n",
                    status,
                    target.name(),
                    target.currentVersion().orElse("-"),
                    target.latestVersion().orElse("-"),
                    target.message().isEmpty() ? "" : "  " + target.message()));
        }
        out.append(String.format(
                "%d target(s): %d synced, %d pending, %d drifted, %d error",
                targets.size(), synced, pending, drifted, error));
        return out.toString();
    }
}
