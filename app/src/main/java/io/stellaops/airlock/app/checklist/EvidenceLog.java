package io.stellaops.airlock.app.checklist;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The evidence of one run of one check, in the order it was gathered; safe to fill from any thread. */
public final class EvidenceLog {
    private final Clock clock;
    private final List<Evidence> entries = new ArrayList<>();

    public EvidenceLog(Clock clock) {
        this.clock = clock;
    }

    /** Records one question and its answer, stamped with the clock's now. */
    public synchronized void add(String request, String response) {
        entries.add(new Evidence(request, response, clock.instant()));
    }

    public synchronized List<Evidence> entries() {
        return List.copyOf(entries);
    }
}
