package dev.veil.benchmarks.peers;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one workload for every contender, round by round — A B C D E, then B C D E A, … — so that every contender is
 * measured in the same stretch of time as the others (the machine's drift lands on all of them alike) and none always
 * follows the same neighbour. Each contender opens its trial first (connections, prepared statements, Veil's
 * rewritten SQL): nothing of that is timed.
 */
final class Interleaving {

    private final RunSettings settings;
    private final PrintStream progress;

    Interleaving(RunSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    Measurement run(String database, Workload workload, List<Contender> contenders) {
        Map<Contender, Trial> trials = new LinkedHashMap<>();
        Map<Contender, List<Trial.Slot>> rounds = new LinkedHashMap<>();
        Map<Contender, String> errors = new LinkedHashMap<>();
        for (Contender contender : contenders) {
            rounds.put(contender, new ArrayList<>());
            try {
                trials.put(contender, contender.call(() -> workload.open(contender, settings.rows())));
            } catch (Exception | LinkageError e) {
                errors.put(contender, describe(e));
            }
        }
        long nanos = workload.slot(settings).toNanos();
        int total = settings.warmupRounds() + settings.rounds();
        for (int round = 0; round < total; round++) {
            for (int k = 0; k < contenders.size(); k++) {
                Contender contender = contenders.get((round + k) % contenders.size());
                Trial trial = trials.get(contender);
                if (trial == null || errors.containsKey(contender)) {
                    continue;
                }
                try {
                    Trial.Slot slot = contender.call(() -> trial.run(nanos));
                    if (round >= settings.warmupRounds()) {
                        rounds.get(contender).add(slot);
                    }
                } catch (Exception | LinkageError e) {
                    errors.put(contender, describe(e));
                }
            }
        }
        trials.forEach((contender, trial) -> {
            try {
                contender.call(() -> {
                    trial.close();
                    return null;
                });
            } catch (Exception e) {
                errors.putIfAbsent(contender, "closing: " + describe(e));
            }
        });
        List<Measurement.Cell> cells = new ArrayList<>();
        for (Contender contender : contenders) {
            String error = errors.get(contender);
            List<Trial.Slot> slots = error == null ? rounds.get(contender) : List.of();
            cells.add(new Measurement.Cell(contender.key(),
                    slots.stream().map(Trial.Slot::operationsPerSecond).toList(),
                    slots.stream().map(Trial.Slot::cpuMicrosPerOperation).toList(), error));
        }
        Measurement measurement = new Measurement(database, workload.key(), cells);
        report(workload, contenders, measurement);
        return measurement;
    }

    private void report(Workload workload, List<Contender> contenders, Measurement measurement) {
        StringBuilder line = new StringBuilder("[" + measurement.database() + "] " + workload.label() + ":");
        for (Contender contender : contenders) {
            Measurement.Cell cell = measurement.cell(contender.key());
            line.append("  ").append(contender.label()).append(' ');
            if (!cell.ran()) {
                line.append("FAILED (").append(cell.error()).append(')');
            } else if (contender.isVendor()) {
                line.append(String.format("%.1f µs/op", 1e6 / Measurement.median(cell.operationsPerSecond())));
            } else {
                line.append(String.format("%.2f", Measurement.median(measurement.ratios(contender.key()))));
            }
        }
        progress.println(line);
    }

    static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
