package dev.veil.it.fuzz;

import java.util.function.Predicate;

/**
 * Makes a failing statement smaller: drops optional clauses, joins and items and replaces wrapper expressions by
 * their argument, one at a time, keeping each change while the finding still reproduces (delta debugging, greedy).
 */
final class Minimizer {

    private Minimizer() {
    }

    /** The smallest rendering of {@code statement} for which {@code stillFails} holds, within {@code budget} runs. */
    static String minimize(Sql statement, Predicate<String> stillFails, int budget) {
        int tries = 0;
        boolean progress = true;
        while (progress && tries < budget) {
            progress = false;
            for (Sql node : statement.candidates()) {
                if (tries >= budget) {
                    break;
                }
                if (node.canDrop()) {
                    node.setDropped(true);
                    tries++;
                    if (stillFails.test(statement.render())) {
                        progress = true;
                        break;
                    }
                    node.setDropped(false);
                }
                if (node.canHoist()) {
                    node.setHoisted(true);
                    tries++;
                    if (stillFails.test(statement.render())) {
                        progress = true;
                        break;
                    }
                    node.setHoisted(false);
                }
            }
        }
        return statement.render();
    }
}
