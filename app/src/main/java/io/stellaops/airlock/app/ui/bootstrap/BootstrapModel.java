package io.stellaops.airlock.app.ui.bootstrap;

import io.stellaops.airlock.app.cluster.ClusterException;
import io.stellaops.airlock.app.cluster.TokenClaims;
import io.stellaops.airlock.app.pki.DevTlsRequest;
import io.stellaops.airlock.app.pki.HostNames;
import io.stellaops.airlock.app.pki.TlsCheckItem;
import io.stellaops.airlock.app.pki.TlsCheckResult;
import io.stellaops.airlock.app.pki.TlsMaterialFiles;
import io.stellaops.airlock.app.ui.common.BackgroundTask;
import io.stellaops.airlock.app.ui.common.TaskExecutor;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import java.nio.file.Path;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The bootstrap flow's state: the TLS folder and what to generate or check there, the check's items
 * or the reason it could not run; the token file and its claims or the reason it is refused.
 * Generating and checking run in the background; reading a token (at most 64 KiB) does not. The
 * cluster steps have their own model ({@link #cluster()}), which reads the folder, token and namespace of this one.
 */
public final class BootstrapModel {

    private final BootstrapService service;
    private final TaskExecutor executor;
    private final ResourceBundle resources;
    private final ObjectProperty<BootstrapStep> step = new SimpleObjectProperty<>(this, "step", BootstrapStep.TLS);
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>(this, "folder");
    private final StringProperty namespace = new SimpleStringProperty(this, "namespace", HostNames.DEFAULT_NAMESPACE);
    private final StringProperty days = new SimpleStringProperty(this, "days", String.valueOf(DevTlsRequest.DEFAULT_DAYS));
    private final ObjectProperty<KeyAlgorithm> keyType =
            new SimpleObjectProperty<>(this, "keyType", DevTlsRequest.DEFAULT_KEY_TYPE);
    private final BooleanProperty replace = new SimpleBooleanProperty(this, "replace");
    private final ObjectProperty<Path> ca = new SimpleObjectProperty<>(this, "ca");
    private final ObjectProperty<Path> certificate = new SimpleObjectProperty<>(this, "certificate");
    private final ObjectProperty<Path> key = new SimpleObjectProperty<>(this, "key");
    private final ObservableList<TlsCheckItem> items = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TlsCheckResult> tlsResult = new ReadOnlyObjectWrapper<>(this, "tlsResult");
    private final ReadOnlyStringWrapper tlsProblem = new ReadOnlyStringWrapper(this, "tlsProblem", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ObjectProperty<Path> tokenFile = new SimpleObjectProperty<>(this, "tokenFile");
    private final ReadOnlyObjectWrapper<TokenClaims> claims = new ReadOnlyObjectWrapper<>(this, "claims");
    private final ReadOnlyStringWrapper tokenProblem = new ReadOnlyStringWrapper(this, "tokenProblem", "");

    private final ClusterModel cluster;

    public BootstrapModel(BootstrapService service, ClusterService clusterService, TaskExecutor executor,
            ResourceBundle resources) {
        this.service = service;
        this.executor = executor;
        this.resources = resources;
        this.cluster = new ClusterModel(clusterService, executor, resources, folder, tokenFile, namespace);
    }

    /** The cluster steps' state, which reads this model's TLS folder, token file and namespace. */
    public ClusterModel cluster() {
        return cluster;
    }

    /** Chooses the TLS folder; the check's files default to its ca.crt, tls.crt and tls.key. */
    public void chooseFolder(Path chosen) {
        folder.set(chosen);
        TlsMaterialFiles files = TlsMaterialFiles.in(chosen);
        ca.set(files.caCertificate());
        certificate.set(files.serverCertificate());
        key.set(files.serverKey());
    }

    /** Generates development material into the folder in the background, then shows its check. */
    public void generate() {
        int validDays;
        try {
            validDays = Integer.parseInt(days.get().strip());
        } catch (NumberFormatException e) {
            showProblem(resources.getString("bootstrap.tls.daysInvalid"));
            return;
        }
        Path into = folder.get();
        String ns = namespace.get().strip();
        KeyAlgorithm type = keyType.get();
        boolean overwrite = replace.get();
        start(BackgroundTask.run(executor, progress -> service.generate(into, ns, validDays, type, overwrite)));
    }

    /** Checks the chosen CA, certificate and key in the background. */
    public void check() {
        Path caFile = ca.get();
        Path certificateFile = certificate.get();
        Path keyFile = key.get();
        start(BackgroundTask.run(executor, progress -> service.check(caFile, certificateFile, keyFile)));
    }

    private void start(BackgroundTask<TlsCheckResult> task) {
        busy.set(true);
        tlsResult.set(null);
        items.clear();
        tlsProblem.set("");
        task.onSuccess(result -> {
                    tlsResult.set(result);
                    items.setAll(result.items());
                })
                .onError(Exception.class, e -> showProblem(e.getMessage()))
                .andFinally(() -> busy.set(false));
    }

    private void showProblem(String problem) {
        tlsResult.set(null);
        items.clear();
        tlsProblem.set(problem);
    }

    /** Reads the token in {@code file}: its claims when it is usable, otherwise the exact refusal. */
    public void chooseToken(Path file) {
        tokenFile.set(file);
        try {
            claims.set(service.readToken(file));
            tokenProblem.set("");
        } catch (ClusterException e) {
            claims.set(null);
            tokenProblem.set(e.getMessage());
        }
    }

    public String authorityCommands() {
        return service.authorityCommands();
    }

    /** The next step; arriving at the plan compares it with the cluster at once. */
    public void next() {
        step.set(BootstrapStep.values()[Math.min(step.get().ordinal() + 1, BootstrapStep.values().length - 1)]);
        if (step.get() == BootstrapStep.PLAN) {
            cluster.compare();
        }
    }

    public void back() {
        step.set(BootstrapStep.values()[Math.max(step.get().ordinal() - 1, 0)]);
    }

    public ReadOnlyObjectProperty<BootstrapStep> stepProperty() {
        return step;
    }

    public IntegerBinding stepIndex() {
        return Bindings.createIntegerBinding(() -> step.get().ordinal(), step);
    }

    public ObjectProperty<Path> folderProperty() {
        return folder;
    }

    public StringProperty namespaceProperty() {
        return namespace;
    }

    public StringProperty daysProperty() {
        return days;
    }

    public ObjectProperty<KeyAlgorithm> keyTypeProperty() {
        return keyType;
    }

    public BooleanProperty replaceProperty() {
        return replace;
    }

    public ObjectProperty<Path> caProperty() {
        return ca;
    }

    public ObjectProperty<Path> certificateProperty() {
        return certificate;
    }

    public ObjectProperty<Path> keyProperty() {
        return key;
    }

    public ObservableList<TlsCheckItem> items() {
        return items;
    }

    public ReadOnlyObjectProperty<TlsCheckResult> tlsResultProperty() {
        return tlsResult.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tlsProblemProperty() {
        return tlsProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObjectProperty<Path> tokenFileProperty() {
        return tokenFile;
    }

    public ReadOnlyObjectProperty<TokenClaims> claimsProperty() {
        return claims.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tokenProblemProperty() {
        return tokenProblem.getReadOnlyProperty();
    }
}
