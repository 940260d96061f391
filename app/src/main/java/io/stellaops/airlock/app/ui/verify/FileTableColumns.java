package io.stellaops.airlock.app.ui.verify;

import io.stellaops.airlock.app.ui.controls.VerdictStatus;
import io.stellaops.airlock.bundle.verify.CheckStatus;
import io.stellaops.airlock.bundle.verify.FileResult;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/**
 * Fills the columns of the verify step's file table ({@code verify_result.fxml} declares them):
 * path, size, role, the first twelve hex digits of the SHA-256 (the report has all 64), and the
 * file's status, coloured by the same pseudo-classes as the verdict lines.
 */
final class FileTableColumns {

    static final int SHORT_DIGEST = 12;

    private FileTableColumns() {
    }

    static void setUp(Verdicts verdicts, TableColumn<FileResult, String> path, TableColumn<FileResult, Long> size,
            TableColumn<FileResult, String> role, TableColumn<FileResult, String> sha256,
            TableColumn<FileResult, CheckStatus> status) {
        text(path, file -> file.entry().path());
        size.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().entry().size()));
        text(role, file -> file.entry().role().id());
        text(sha256, file -> file.entry().sha256().substring(0, SHORT_DIGEST) + "…");
        status.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().status()));
        status.setCellFactory(column -> new StatusCell(verdicts));
    }

    private static void text(TableColumn<FileResult, String> column, Function<FileResult, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    private static final class StatusCell extends TableCell<FileResult, CheckStatus> {
        private final Verdicts verdicts;

        StatusCell(Verdicts verdicts) {
            this.verdicts = verdicts;
            getStyleClass().add("status-cell");
        }

        @Override
        protected void updateItem(CheckStatus status, boolean empty) {
            super.updateItem(status, empty);
            for (VerdictStatus each : VerdictStatus.values()) {
                pseudoClassStateChanged(each.pseudoClass(), false);
            }
            if (empty || status == null) {
                setText(null);
                return;
            }
            setText(verdicts.fileStatus(status));
            pseudoClassStateChanged(switch (status) {
                case PASSED -> VerdictStatus.PASSED.pseudoClass();
                case FAILED -> VerdictStatus.FAILED.pseudoClass();
                case SKIPPED -> VerdictStatus.SKIPPED.pseudoClass();
                case NOT_REACHED -> VerdictStatus.NOT_REACHED.pseudoClass();
            }, true);
        }
    }
}
