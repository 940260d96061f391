package io.stellaops.airlock.app.ui.verify;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The open dialog for a bundle archive, shared by both verify steps. */
public final class BundleFileChooser {

    private BundleFileChooser() {
    }

    /** Opens in the folder of {@code current}, else in {@code folder} (the last one used), else where the system likes. */
    public static Optional<Path> open(Window owner, ResourceBundle resources, Path current, Path folder) {
        var chooser = new FileChooser();
        chooser.setTitle(resources.getString("verify.choose.dialogTitle"));
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter(resources.getString("verify.choose.filter.bundles"), "*.tar.gz", "*.tar.zst"),
                new FileChooser.ExtensionFilter(resources.getString("verify.choose.filter.all"), "*"));
        if (current != null && current.getParent() != null && Files.isDirectory(current.getParent())) {
            chooser.setInitialDirectory(current.getParent().toFile());
        } else if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        File file = chooser.showOpenDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }
}
