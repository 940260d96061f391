package io.stellaops.airlock.app.ui.bootstrap;

import io.stellaops.airlock.app.cluster.TokenClaims;
import io.stellaops.airlock.app.ui.common.UiStrings;
import java.io.File;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;

/**
 * Step 2 ({@code bootstrap_token.fxml}): the Authority token file, its decoded claims (never the
 * token) or the exact refusal, and the {@code stella authority} commands for the runbook's clients.
 */
public final class BootstrapTokenController {

    private final BootstrapModel model;

    @FXML
    private ResourceBundle resources;
    @FXML
    private Node root;
    @FXML
    private Label tokenFileLabel;
    @FXML
    private Label expiresLabel;
    @FXML
    private Label audienceLabel;
    @FXML
    private Label scopesLabel;
    @FXML
    private Label tokenValid;
    @FXML
    private Label tokenProblem;
    @FXML
    private TextArea commandsArea;

    public BootstrapTokenController(BootstrapModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        tokenFileLabel.textProperty().bind(Bindings.createStringBinding(() -> model.tokenFileProperty().get() == null
                ? resources.getString("bootstrap.token.noFile") : model.tokenFileProperty().get().toString(),
                model.tokenFileProperty()));
        expiresLabel.textProperty().bind(claim(claims -> UiStrings.format(resources,
                "bootstrap.token.expiresValue", claims.expiresAt().toString(), claims.remaining().toDays())));
        audienceLabel.textProperty().bind(claim(claims -> String.join(" ", claims.audiences())));
        scopesLabel.textProperty().bind(claim(claims -> String.join(" ", claims.scopes())));
        tokenValid.textProperty().bind(claim(claims -> resources.getString(
                claims.expiresSoon() ? "bootstrap.token.soon" : "bootstrap.token.valid")));
        tokenValid.visibleProperty().bind(model.claimsProperty().isNotNull());
        tokenValid.managedProperty().bind(tokenValid.visibleProperty());
        tokenProblem.textProperty().bind(model.tokenProblemProperty());
        tokenProblem.visibleProperty().bind(model.tokenProblemProperty().isNotEmpty());
        tokenProblem.managedProperty().bind(tokenProblem.visibleProperty());
        commandsArea.setText(model.authorityCommands());
    }

    private StringBinding claim(Function<TokenClaims, String> read) {
        return Bindings.createStringBinding(() -> model.claimsProperty().get() == null ? "—"
                : read.apply(model.claimsProperty().get()), model.claimsProperty());
    }

    @FXML
    private void chooseToken() {
        var chooser = new FileChooser();
        chooser.setTitle(resources.getString("bootstrap.token.choose.title"));
        File chosen = chooser.showOpenDialog(root.getScene().getWindow());
        if (chosen != null) {
            model.chooseToken(chosen.toPath());
        }
    }

    @FXML
    private void copyCommands() {
        commandsArea.selectAll();
        commandsArea.copy();
    }

    @FXML
    private void back() {
        model.back();
    }

    @FXML
    private void next() {
        model.next();
    }
}
