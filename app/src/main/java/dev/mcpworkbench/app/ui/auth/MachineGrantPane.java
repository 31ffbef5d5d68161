package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.app.auth.MachineGrantSettings;
import dev.mcpworkbench.app.auth.MachineGrantSettings.Grant;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;

/**
 * The Client dialog's grant section: the grant, the client's private key (private_key_jwt), the
 * workload identity token of the JWT bearer grant and the enterprise identity provider of an ID-JAG.
 * Tokens are named ({@code file:PATH}, {@code env:NAME}), never pasted: nothing secret is kept here.
 */
final class MachineGrantPane {

    final ComboBox<Grant> grant = new ComboBox<>();
    private final TextField clientKey;
    private final TextField assertion;
    private final TextField idToken;
    private final TextField idpEndpoint;
    private final TextField idpClientId;
    private final PasswordField idpSecret = new PasswordField();

    MachineGrantPane(ClientSettings settings) {
        grant.getItems().setAll(Grant.values());
        grant.setValue(settings.grantProperty().get());
        grant.setId("clientGrant");
        clientKey = field("clientKeyFile", settings.clientKeyFileProperty().get(), "none: a client secret, or no authentication");
        assertion = field("clientAssertion", settings.assertionProperty().get(), "file:/var/run/secrets/token or env:NAME");
        idToken = field("idToken", settings.idTokenProperty().get(), "file:PATH or env:NAME");
        idpEndpoint = field("idpTokenEndpoint", settings.idpTokenEndpointProperty().get(), "https://login.example.com/oauth2/token");
        idpClientId = field("idpClientId", settings.idpClientIdProperty().get(), "");
        idpSecret.setText(settings.idpClientSecretProperty().get());
        idpSecret.setId("idpClientSecret");
        assertion.disableProperty().bind(grant.valueProperty().isNotEqualTo(Grant.JWT_BEARER));
        BooleanBinding notIdJag = grant.valueProperty().isNotEqualTo(Grant.ID_JAG);
        idToken.disableProperty().bind(notIdJag);
        idpEndpoint.disableProperty().bind(notIdJag);
        idpClientId.disableProperty().bind(notIdJag);
        idpSecret.disableProperty().bind(notIdJag);
    }

    private static TextField field(String id, String text, String prompt) {
        TextField field = new TextField(text);
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    /** Adds the rows from {@code row} on; the key row is enabled with the client id. */
    int addRows(GridPane grid, int row, javafx.beans.value.ObservableBooleanValue noClient) {
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Client private key (JWK or PKCS#8 PEM)");
            File file = chooser.showOpenDialog(grid.getScene().getWindow());
            if (file != null) clientKey.setText(file.getPath());
        });
        clientKey.disableProperty().bind(noClient);
        choose.disableProperty().bind(noClient);
        HBox keyRow = new HBox(6, clientKey, choose);
        HBox.setHgrow(clientKey, Priority.ALWAYS);
        grid.addRow(row++, new Label("Grant"), grant);
        grid.addRow(row++, new Label("Client private key"), keyRow);
        grid.addRow(row++, new Label("Workload identity token"), assertion);
        grid.addRow(row++, new Label("ID token"), idToken);
        grid.addRow(row++, new Label("Identity provider token endpoint"), idpEndpoint);
        grid.addRow(row++, new Label("Client ID at the identity provider"), idpClientId);
        grid.addRow(row++, new Label("Client secret at the identity provider"), idpSecret);
        return row;
    }

    /** What is wrong with the entries, in the words of the matching command-line option; empty when they fit. */
    Optional<String> problem() {
        try {
            settings().validate();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private MachineGrantSettings settings() {
        String endpoint = idpEndpoint.getText().strip();
        Grant g = grant.getValue();
        return new MachineGrantSettings(g, clientKey.getText().isBlank() ? null : Path.of(clientKey.getText().strip()),
                g == Grant.JWT_BEARER ? assertion.getText() : null, g == Grant.ID_JAG ? idToken.getText() : null,
                g == Grant.ID_JAG && !endpoint.isEmpty() ? URI.create(endpoint) : null, null, null);
    }

    void applyTo(ClientSettings settings) {
        settings.grantProperty().set(grant.getValue());
        settings.clientKeyFileProperty().set(clientKey.getText());
        settings.assertionProperty().set(assertion.getText());
        settings.idTokenProperty().set(idToken.getText());
        settings.idpTokenEndpointProperty().set(idpEndpoint.getText());
        settings.idpClientIdProperty().set(idpClientId.getText());
        settings.idpClientSecretProperty().set(idpSecret.getText());
    }
}
