package io.stellaops.airlock.app.checklist;

import io.stellaops.airlock.app.checklist.ChecklistConfig.OperatorItem;
import java.util.Optional;

/**
 * An item only a person can check, such as "Alerts wired into SLO evaluator (DEVOPS-OBS-51-001)":
 * it needs an operator until someone confirms it, and then passes naming who and when.
 */
final class OperatorCheck implements Check {
    private final OperatorItem item;
    private final Confirmations confirmations;

    OperatorCheck(OperatorItem item, Confirmations confirmations) {
        this.item = item;
        this.confirmations = confirmations;
    }

    @Override
    public String id() {
        return item.id();
    }

    @Override
    public String title() {
        return item.title();
    }

    @Override
    public CheckResult run(EvidenceLog evidence) {
        Optional<Confirmation> confirmation = confirmations.of(item.id());
        if (confirmation.isEmpty()) {
            evidence.add("operator confirmation of " + item.id(), "none yet");
            return CheckResult.needsOperator("waiting for an operator to confirm", "Check it by hand, then confirm: "
                    + "airlock checklist run ... --confirm " + item.id() + "=YOUR-NAME (or tick it in the wizard).");
        }
        Confirmation c = confirmation.get();
        evidence.add("operator confirmation of " + item.id(), "confirmed by " + c.by() + " at " + c.at());
        return CheckResult.confirmed("confirmed by " + c.by() + " at " + c.at(), c);
    }
}
