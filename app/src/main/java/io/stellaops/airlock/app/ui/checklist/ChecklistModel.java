package io.stellaops.airlock.app.ui.checklist;

import io.stellaops.airlock.app.checklist.CheckOutcome;
import io.stellaops.airlock.app.checklist.CheckState;
import io.stellaops.airlock.app.checklist.ChecklistReportWriter;
import io.stellaops.airlock.app.checklist.ChecklistVerdict;
import io.stellaops.airlock.app.ui.common.BackgroundTask;
import io.stellaops.airlock.app.ui.common.TaskExecutor;
import io.stellaops.airlock.bundle.BundleException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The checklist screen's state: the config, one row per check with its live outcome (the library's
 * listener reports each change, moved to the FX thread), the selected check, the operator's name
 * for confirmations and the report, and the last export. One run at a time: while it runs, nothing
 * else starts and Home stays disabled.
 */
public final class ChecklistModel {
    private final ChecklistService service;
    private final TaskExecutor executor;
    private final ObjectProperty<Path> config = new SimpleObjectProperty<>(this, "config");
    private final ObservableList<CheckRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<CheckRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty operator = new SimpleStringProperty(this, "operator", "");
    private final ObjectProperty<Path> signingKey = new SimpleObjectProperty<>(this, "signingKey");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyObjectWrapper<ChecklistVerdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict");
    private final ReadOnlyObjectWrapper<ChecklistReportWriter.Files> exported = new ReadOnlyObjectWrapper<>(this, "exported");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private ChecklistService.Loaded loaded;
    private Instant started;

    public ChecklistModel(ChecklistService service, TaskExecutor executor) {
        this.service = service;
        this.executor = executor;
    }

    /** Reads the config and shows its checks, all pending; a config that cannot be used is named in {@link #problemProperty()}. */
    public void load(Path file) {
        if (busy.get()) {
            return;
        }
        try {
            ChecklistService.Loaded next = service.load(file);
            loaded = next;
            config.set(file);
            rows.setAll(next.checklist().outcomes().stream().map(CheckRow::new).toList());
            next.checklist().addListener(outcome -> Platform.runLater(() -> show(next, outcome)));
            selected.set(rows.isEmpty() ? null : rows.get(0));
            problem.set("");
            exported.set(null);
            started = null;
            updateVerdict();
        } catch (BundleException e) {
            problem.set(e.getMessage());
        }
    }

    private void show(ChecklistService.Loaded from, CheckOutcome outcome) {
        if (from != loaded) {
            return; // a stale checklist's late event never reaches the screen of a newer one
        }
        rows.stream().filter(row -> row.id().equals(outcome.id())).findFirst().ifPresent(row -> row.update(outcome));
        updateVerdict();
    }

    private void updateVerdict() {
        verdict.set(loaded == null ? null : ChecklistVerdict.of(loaded.checklist().outcomes()));
    }

    /** Runs every check, in order. */
    public void runAll() {
        run(null);
    }

    /** Runs the selected check again; the others keep their outcomes. */
    public void rerunSelected() {
        if (selected.get() != null) {
            run(selected.get().id());
        }
    }

    /**
     * Records that the operator checked the selected item by hand (with this machine's clock) and
     * runs it again, so that it passes with who and when.
     */
    public void confirmSelected() {
        CheckRow row = selected.get();
        String name = operator.get() == null ? "" : operator.get().strip();
        if (row == null || loaded == null || busy.get() || name.isEmpty()
                || row.outcome().state() != CheckState.NEEDS_OPERATOR) {
            return;
        }
        loaded.confirmations().confirm(row.id(), name);
        run(row.id());
    }

    private void run(String only) {
        if (loaded == null || busy.get()) {
            return;
        }
        ChecklistService.Loaded current = loaded;
        if (started == null) {
            started = service.clock().instant();
        }
        busy.set(true);
        problem.set("");
        BackgroundTask.run(executor, progress -> {
            if (only == null) {
                current.checklist().runAll();
            } else {
                current.checklist().run(only);
            }
            return current.checklist().outcomes();
        }).onError(Exception.class, e -> problem.set(e.getMessage() == null ? e.toString() : e.getMessage()))
                .andFinally(() -> {
                    busy.set(false);
                    updateVerdict();
                });
    }

    /**
     * Writes OUT.json, OUT.html and OUT.json.dsse.json, signed with the {@link #signingKeyProperty()} when chosen.
     *
     * @param passphrase the key's, wiped here; empty for an unencrypted key or none
     */
    public void export(Path out, char[] passphrase) {
        Optional<Path> key = Optional.ofNullable(signingKey.get());
        if (loaded == null || busy.get()) {
            Arrays.fill(passphrase, '\0');
            return;
        }
        ChecklistService.Loaded current = loaded;
        String name = operator.get() == null || operator.get().isBlank() ? System.getProperty("user.name", "unknown")
                : operator.get().strip();
        Instant from = started == null ? service.clock().instant() : started;
        busy.set(true);
        problem.set("");
        BackgroundTask.run(executor, progress -> service.export(current, name, from, out, key, passphrase))
                .onSuccess(exported::set)
                .onError(Exception.class, e -> problem.set(e.getMessage() == null ? e.toString() : e.getMessage()))
                .andFinally(() -> busy.set(false));
    }

    public ObjectProperty<Path> configProperty() {
        return config;
    }

    public ObservableList<CheckRow> rows() {
        return rows;
    }

    public ObjectProperty<CheckRow> selectedProperty() {
        return selected;
    }

    public StringProperty operatorProperty() {
        return operator;
    }

    /** The operator's private key that signs the report's envelope; none: the envelope is unsigned. */
    public ObjectProperty<Path> signingKeyProperty() {
        return signingKey;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChecklistVerdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChecklistReportWriter.Files> exportedProperty() {
        return exported.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The outcome of check {@code id}, as the screen shows it. */
    public Optional<CheckOutcome> outcome(String id) {
        return rows.stream().filter(row -> row.id().equals(id)).findFirst().map(CheckRow::outcome);
    }
}
