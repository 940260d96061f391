package io.stellaops.airlock.app.checklist;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The operators' confirmations of the items only a person can check, by item id; shared by those checks. */
public final class Confirmations {
    private final Map<String, Confirmation> byItem = new ConcurrentHashMap<>();
    private final Clock clock;

    public Confirmations(Clock clock) {
        this.clock = clock;
    }

    /** Records that {@code by} confirms item {@code id} now (whole seconds); a later confirmation replaces an earlier one. */
    public Confirmation confirm(String id, String by) {
        Confirmation confirmation = new Confirmation(by, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        byItem.put(id, confirmation);
        return confirmation;
    }

    public void withdraw(String id) {
        byItem.remove(id);
    }

    public Optional<Confirmation> of(String id) {
        return Optional.ofNullable(byItem.get(id));
    }
}
