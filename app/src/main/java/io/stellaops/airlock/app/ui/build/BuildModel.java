package io.stellaops.airlock.app.ui.build;

import io.stellaops.airlock.bundle.archive.Compression;
import io.stellaops.airlock.bundle.build.BuildDefaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the user has entered in the build flow and where they are in it; one instance per flow.
 * Every step reads and writes these properties, so going back shows what was typed. Each step's
 * validity is a binding that its Next button follows; the rules behind it are the library's
 * ({@link MetadataRules}). Values start at the CLI's defaults, computed once when the flow opens.
 */
public final class BuildModel {

    private final ObjectProperty<BuildStep> step = new SimpleObjectProperty<>(this, "step", BuildStep.SOURCE);
    private final BooleanProperty useSample = new SimpleBooleanProperty(this, "useSample", true);
    private final ObjectProperty<Path> sourceFolder = new SimpleObjectProperty<>(this, "sourceFolder");
    /** Where the source folder chooser opens while no folder is chosen: the last one used, from the settings. */
    private final ObjectProperty<Path> browseFolder = new SimpleObjectProperty<>(this, "browseFolder");
    private final StringProperty name = new SimpleStringProperty(this, "name", BuildDefaults.NAME);
    private final StringProperty version;
    private final StringProperty generation;
    private final StringProperty createdAt;
    private final StringProperty expiresIn;
    private final ObjectProperty<Compression> compression = new SimpleObjectProperty<>(this, "compression", Compression.GZIP);
    private final ObjectProperty<Path> chosenOutput = new SimpleObjectProperty<>(this, "chosenOutput");
    private final BooleanProperty replace = new SimpleBooleanProperty(this, "replace");

    private final StringBinding nameProblem;
    private final StringBinding versionProblem;
    private final StringBinding generationProblem;
    private final StringBinding createdAtProblem;
    private final StringBinding expiresInProblem;
    private final ObjectBinding<Path> output;
    private final BooleanBinding outputExists;
    private final BooleanBinding sourceValid;
    private final BooleanBinding metadataValid;
    private final BooleanBinding outputValid;

    public BuildModel(MetadataRules rules, Path homeFolder) {
        Instant defaults = rules.defaultCreatedAt();
        version = new SimpleStringProperty(this, "version", BuildDefaults.version(defaults));
        generation = new SimpleStringProperty(this, "generation", Long.toString(BuildDefaults.generation(defaults)));
        createdAt = new SimpleStringProperty(this, "createdAt", defaults.toString());
        expiresIn = new SimpleStringProperty(this, "expiresIn", BuildDefaults.VALIDITY.toDays() + "d");

        nameProblem = problem(() -> rules.nameProblem(name.get()), name);
        versionProblem = problem(() -> rules.versionProblem(version.get()), version);
        generationProblem = problem(() -> rules.generationProblem(generation.get()), generation);
        createdAtProblem = problem(() -> rules.createdAtProblem(createdAt.get()), createdAt);
        expiresInProblem = problem(() -> rules.expiresInProblem(createdAt.get(), expiresIn.get()), createdAt, expiresIn);
        List<StringBinding> problems = List.of(nameProblem, versionProblem, generationProblem, createdAtProblem,
                expiresInProblem);

        sourceValid = useSample.or(sourceFolder.isNotNull());
        metadataValid = Bindings.createBooleanBinding(() -> problems.stream().allMatch(p -> p.get().isEmpty()),
                problems.toArray(Observable[]::new));
        // The conventional name, as the CLI gives it for an output folder, until the user picks a file.
        output = Bindings.createObjectBinding(() -> chosenOutput.get() != null ? chosenOutput.get()
                        : nameProblem.get().isEmpty() && versionProblem.get().isEmpty()
                        ? homeFolder.resolve(name.get() + "-" + version.get() + compression.get().suffix()) : null,
                chosenOutput, name, version, compression, nameProblem, versionProblem);
        // Also re-checked on every step change: the file may have appeared since.
        outputExists = Bindings.createBooleanBinding(() -> output.get() != null && Files.exists(output.get()),
                output, step);
        outputValid = output.isNotNull().and(outputExists.not().or(replace));
    }

    private static StringBinding problem(Callable<Optional<String>> rule, Observable... inputs) {
        return Bindings.createStringBinding(() -> rule.call().orElse(""), inputs);
    }

    /** Moves to the next step when the current one is valid. */
    public void next() {
        switch (step.get()) {
            case SOURCE -> moveIf(sourceValid, BuildStep.METADATA);
            case METADATA -> moveIf(metadataValid, BuildStep.OUTPUT);
            default -> { }
        }
    }

    /** Moves to the previous step, keeping everything entered. */
    public void back() {
        switch (step.get()) {
            case METADATA -> step.set(BuildStep.SOURCE);
            case OUTPUT -> step.set(BuildStep.METADATA);
            case RUN -> step.set(BuildStep.OUTPUT);
            case SIGN -> step.set(BuildStep.RUN);
            default -> { }
        }
    }

    private void moveIf(BooleanBinding valid, BuildStep target) {
        if (valid.get()) {
            step.set(target);
        }
    }

    /** Shows the run step; {@link BuildRun} calls it when a build starts. */
    void showRun() {
        step.set(BuildStep.RUN);
    }

    /** Shows the sign step; the run step offers it once the bundle is built. */
    public void showSign() {
        step.set(BuildStep.SIGN);
    }

    public void useSample() {
        useSample.set(true);
    }

    /** The folder chooser writes here; the source step reads only the model. */
    public void chooseSourceFolder(Path folder) {
        sourceFolder.set(folder);
        useSample.set(false);
    }

    /** The file chooser writes here; {@code null} goes back to the conventional name in the home folder. */
    public void chooseOutput(Path file) {
        chosenOutput.set(file);
    }

    /** A copy of the inputs, taken on the FX thread, for the worker thread. */
    BuildInputs inputs() {
        return new BuildInputs(useSample.get() ? Optional.empty() : Optional.ofNullable(sourceFolder.get()), name.get(),
                version.get(), generation.get(), createdAt.get(), expiresIn.get(), compression.get(), output.get(),
                replace.get());
    }

    public ReadOnlyObjectProperty<BuildStep> stepProperty() {
        return step;
    }

    public IntegerBinding stepIndex() {
        return Bindings.createIntegerBinding(() -> step.get().ordinal(), step);
    }

    public BooleanProperty useSampleProperty() {
        return useSample;
    }

    public ReadOnlyObjectProperty<Path> sourceFolderProperty() {
        return sourceFolder;
    }

    public ObjectProperty<Path> browseFolderProperty() {
        return browseFolder;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty versionProperty() {
        return version;
    }

    public StringProperty generationProperty() {
        return generation;
    }

    public StringProperty createdAtProperty() {
        return createdAt;
    }

    public StringProperty expiresInProperty() {
        return expiresIn;
    }

    public ObjectProperty<Compression> compressionProperty() {
        return compression;
    }

    public BooleanProperty replaceProperty() {
        return replace;
    }

    /** The archive the build will write: the chosen file, or the conventional name in the home folder. */
    public ObjectBinding<Path> output() {
        return output;
    }

    public BooleanBinding outputExists() {
        return outputExists;
    }

    /** The library's message for the field, or empty when the field is valid. */
    public StringBinding nameProblem() {
        return nameProblem;
    }

    public StringBinding versionProblem() {
        return versionProblem;
    }

    public StringBinding generationProblem() {
        return generationProblem;
    }

    public StringBinding createdAtProblem() {
        return createdAtProblem;
    }

    public StringBinding expiresInProblem() {
        return expiresInProblem;
    }

    public BooleanBinding sourceValid() {
        return sourceValid;
    }

    public BooleanBinding metadataValid() {
        return metadataValid;
    }

    public BooleanBinding outputValid() {
        return outputValid;
    }
}
