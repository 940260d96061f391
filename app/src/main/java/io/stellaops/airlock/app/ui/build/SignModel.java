package io.stellaops.airlock.app.ui.build;

import io.stellaops.airlock.app.signing.Signing;
import io.stellaops.airlock.app.ui.common.BackgroundTask;
import io.stellaops.airlock.app.ui.common.TaskExecutor;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.keys.KeyFiles;
import io.stellaops.airlock.bundle.keys.Passphrase;
import io.stellaops.airlock.bundle.sign.SignResult;
import io.stellaops.airlock.bundle.verify.VerifyOptions;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The sign step's state: the key file, an optional certificate chain, and the signing or key
 * generation in flight or its outcome. The work is {@link Signing}, as the CLI does it, in the
 * background; a passphrase handed in is owned here and wiped as soon as the key is loaded or
 * written, and also when the work never ran.
 */
public final class SignModel {

    /** Where the sign step is. */
    public enum State { IDLE, RUNNING, SIGNED, FAILED }

    private final TaskExecutor executor;
    private final VerifyOptions options;
    private final SecureRandom random;
    private final ObjectProperty<Path> keyFile = new SimpleObjectProperty<>(this, "keyFile");
    /** Where the key chooser opens while no key is chosen: the folder of the last key used, from the settings. */
    private final ObjectProperty<Path> keyFolder = new SimpleObjectProperty<>(this, "keyFolder");
    private final ObjectProperty<Path> certificateChain = new SimpleObjectProperty<>(this, "certificateChain");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyObjectWrapper<SignResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<KeyFiles> generated = new ReadOnlyObjectWrapper<>(this, "generated");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public SignModel(TaskExecutor executor, VerifyOptions options, SecureRandom random) {
        this.executor = executor;
        this.options = options;
        this.random = random;
    }

    /**
     * Signs {@code archive} with the chosen key. Takes ownership of {@code passphrase} (the
     * characters copied out of the password field): empty means an unencrypted key.
     */
    public void sign(Path archive, char[] passphrase) {
        Optional<Passphrase> secret = secret(passphrase);
        Path key = keyFile.get();
        if (busy.get() || archive == null || key == null) {
            secret.ifPresent(Passphrase::close);
            return;
        }
        Optional<Path> chain = Optional.ofNullable(certificateChain.get());
        start();
        busy.set(true);
        BackgroundTask.run(executor, listener -> Signing.sign(archive, key, secret, chain, options))
                .onSuccess(signed -> {
                    result.set(signed);
                    state.set(State.SIGNED);
                })
                .onError(BundleException.class, e -> failed(e.getMessage()))
                .onError(Exception.class, e -> failed(e.toString()))
                .andFinally(() -> done(secret));
    }

    /** Generates and writes a key pair, then uses its private key for signing. */
    public void generate(KeyRequest request) {
        if (busy.get()) {
            request.passphrase().ifPresent(Passphrase::close);
            return;
        }
        generated.set(null);
        start();
        busy.set(true);
        BackgroundTask.run(executor, listener -> Signing.generate(request.algorithm(), request.prefix(),
                        request.passphrase(), random))
                .onSuccess(files -> {
                    generated.set(files);
                    keyFile.set(files.privateKey());
                    state.set(State.IDLE);
                })
                .onError(BundleException.class, e -> failed(e.getMessage()))
                .onError(Exception.class, e -> failed(e.toString()))
                .andFinally(() -> done(request.passphrase()));
    }

    private static Optional<Passphrase> secret(char[] passphrase) {
        if (passphrase.length == 0) {
            return Optional.empty();
        }
        return Optional.of(Passphrase.wrap(passphrase));
    }

    private void start() {
        result.set(null);
        problem.set("");
        state.set(State.RUNNING);
    }

    private void failed(String reason) {
        problem.set(reason);
        state.set(State.FAILED);
    }

    private void done(Optional<Passphrase> secret) {
        secret.ifPresent(Passphrase::close);
        busy.set(false);
    }

    public ObjectProperty<Path> keyFileProperty() {
        return keyFile;
    }

    public ObjectProperty<Path> keyFolderProperty() {
        return keyFolder;
    }

    public ObjectProperty<Path> certificateChainProperty() {
        return certificateChain;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The last signing's result: the envelope and how many signatures it now holds. */
    public ReadOnlyObjectProperty<SignResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The key pair the dialog last generated. */
    public ReadOnlyObjectProperty<KeyFiles> generatedProperty() {
        return generated.getReadOnlyProperty();
    }

    /** Why the last signing or generation failed, in the library's words. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
