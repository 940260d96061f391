package io.stellaops.airlock.app.ui.verify;

import io.stellaops.airlock.app.ui.controls.VerdictStatus;
import io.stellaops.airlock.bundle.verify.SignatureOutcome;
import io.stellaops.airlock.bundle.verify.SignatureResult;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/**
 * Fills the columns of the verify step's signature table ({@code verify_result.fxml} declares
 * them): signer, algorithm, the first twelve hex digits of the key id (the report has it whole),
 * the outcome in the window's language and the library's detail. Only a counted signature reads
 * as passed; one already counted is a warning; the rest count for nothing and read as failed.
 */
final class SignatureTableColumns {

    private SignatureTableColumns() {
    }

    static void setUp(ResourceBundle resources, TableColumn<SignatureResult, String> signer,
            TableColumn<SignatureResult, String> algorithm, TableColumn<SignatureResult, String> keyId,
            TableColumn<SignatureResult, SignatureOutcome> outcome, TableColumn<SignatureResult, String> detail) {
        String unknown = resources.getString("verify.result.signature.unknown");
        text(signer, signature -> signature.signer().orElse(unknown));
        text(algorithm, signature -> signature.algorithm().orElse(unknown));
        text(keyId, signature -> shortKeyId(signature.keyId(), unknown));
        text(detail, SignatureResult::detail);
        outcome.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().outcome()));
        outcome.setCellFactory(column -> new OutcomeCell(resources));
    }

    static String shortKeyId(String keyId, String unknown) {
        if (keyId.isEmpty()) {
            return unknown;
        }
        return keyId.length() <= FileTableColumns.SHORT_DIGEST ? keyId : keyId.substring(0, FileTableColumns.SHORT_DIGEST) + "…";
    }

    private static void text(TableColumn<SignatureResult, String> column, Function<SignatureResult, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    static VerdictStatus status(SignatureOutcome outcome) {
        return switch (outcome) {
            case COUNTED -> VerdictStatus.PASSED;
            case ALREADY_COUNTED -> VerdictStatus.SKIPPED;
            case NOT_ALLOWED, UNTRUSTED, INVALID -> VerdictStatus.FAILED;
        };
    }

    private static final class OutcomeCell extends TableCell<SignatureResult, SignatureOutcome> {
        private final ResourceBundle resources;

        OutcomeCell(ResourceBundle resources) {
            this.resources = resources;
            getStyleClass().add("status-cell");
        }

        @Override
        protected void updateItem(SignatureOutcome outcome, boolean empty) {
            super.updateItem(outcome, empty);
            for (VerdictStatus each : VerdictStatus.values()) {
                pseudoClassStateChanged(each.pseudoClass(), false);
            }
            if (empty || outcome == null) {
                setText(null);
                return;
            }
            // Keys verify.result.signature.counted, .alreadyCounted, .notAllowed, .untrusted, .invalid.
            setText(resources.getString(key(outcome)));
            pseudoClassStateChanged(status(outcome).pseudoClass(), true);
        }

        private static String key(SignatureOutcome outcome) {
            return switch (outcome) {
                case COUNTED -> "verify.result.signature.counted";
                case ALREADY_COUNTED -> "verify.result.signature.alreadyCounted";
                case NOT_ALLOWED -> "verify.result.signature.notAllowed";
                case UNTRUSTED -> "verify.result.signature.untrusted";
                case INVALID -> "verify.result.signature.invalid";
            };
        }
    }
}
