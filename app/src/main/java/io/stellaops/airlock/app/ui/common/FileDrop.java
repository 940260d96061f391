package io.stellaops.airlock.app.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/**
 * Lets the user drop exactly one file onto a node. While a droppable file hovers over it, the
 * node has the {@code :drag-over} pseudo-class so that the style sheet can highlight it.
 */
public final class FileDrop {

    private static final PseudoClass DRAG_OVER = PseudoClass.getPseudoClass("drag-over");

    private FileDrop() {
    }

    public static void install(Node target, Consumer<Path> onDrop) {
        target.addEventHandler(DragEvent.DRAG_OVER, event -> {
            if (singleFile(event) != null) {
                event.acceptTransferModes(TransferMode.COPY);
                target.pseudoClassStateChanged(DRAG_OVER, true);
            }
            event.consume();
        });
        target.addEventHandler(DragEvent.DRAG_EXITED, event -> target.pseudoClassStateChanged(DRAG_OVER, false));
        target.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            File file = singleFile(event);
            target.pseudoClassStateChanged(DRAG_OVER, false);
            if (file != null) {
                onDrop.accept(file.toPath());
            }
            event.setDropCompleted(file != null);
            event.consume();
        });
    }

    private static File singleFile(DragEvent event) {
        List<File> files = event.getDragboard().hasFiles() ? event.getDragboard().getFiles() : List.of();
        return files.size() == 1 && files.get(0).isFile() ? files.get(0) : null;
    }
}
