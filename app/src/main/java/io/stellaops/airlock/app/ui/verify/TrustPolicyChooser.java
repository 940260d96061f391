package io.stellaops.airlock.app.ui.verify;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The open dialogs for a trust policy: a folder of PEM files, or a trust.yaml. */
public final class TrustPolicyChooser {

    private TrustPolicyChooser() {
    }

    public static Optional<Path> folder(Window owner, ResourceBundle resources, Path current) {
        var chooser = new DirectoryChooser();
        chooser.setTitle(resources.getString("verify.choose.trust.folderTitle"));
        startIn(current).ifPresent(chooser::setInitialDirectory);
        return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
    }

    public static Optional<Path> yaml(Window owner, ResourceBundle resources, Path current) {
        var chooser = new FileChooser();
        chooser.setTitle(resources.getString("verify.choose.trust.yamlTitle"));
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter(resources.getString("verify.choose.trust.filter"), "*.yaml", "*.yml"));
        startIn(current).ifPresent(chooser::setInitialDirectory);
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    private static Optional<File> startIn(Path current) {
        if (current == null) {
            return Optional.empty();
        }
        Path folder = current.getParent();
        return Optional.ofNullable(folder).filter(Files::isDirectory).map(Path::toFile);
    }
}
