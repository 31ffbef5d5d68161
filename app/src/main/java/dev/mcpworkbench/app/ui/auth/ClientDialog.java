package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.app.auth.MachineGrantSettings;
import dev.mcpworkbench.app.ui.auth.ClientSettings.Registration;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Edits {@link ClientSettings}; OK applies them to the next connection, Cancel changes nothing. */
public final class ClientDialog extends Dialog<ButtonType> {

    public ClientDialog(ClientSettings settings, Window owner) {
        if (owner != null) initOwner(owner);
        setTitle("Client identity");
        setHeaderText("How the workbench identifies itself to the authorization server (next connection)");
        ComboBox<Registration> how = new ComboBox<>();
        how.getItems().setAll(Registration.values());
        how.setValue(settings.registrationProperty().get());
        how.setId("clientRegistration");
        TextField id = new TextField(settings.clientIdProperty().get());
        id.setId("clientId");
        PasswordField secret = new PasswordField();
        secret.setText(settings.clientSecretProperty().get());
        secret.setId("clientSecret");
        TextField url = new TextField(settings.metadataUrlProperty().get());
        url.setId("clientMetadataUrl");
        url.setPromptText("https://example.com/client.json");
        TextField scope = new TextField(settings.scopeProperty().get());
        scope.setId("clientScope");
        scope.setPromptText("automatic (from the challenge and metadata)");
        Spinner<Integer> port = new Spinner<>(0, 65535, settings.callbackPortProperty().get());
        port.setEditable(true);
        port.setId("callbackPort");
        MachineGrantPane grants = new MachineGrantPane(settings);
        // A machine grant always uses the pre-registered client: there is no person to register one for.
        how.disableProperty().bind(grants.grant.valueProperty().isNotEqualTo(MachineGrantSettings.Grant.AUTHORIZATION_CODE));
        id.disableProperty().bind(how.valueProperty().isNotEqualTo(Registration.PRE_REGISTERED).and(how.disableProperty().not()));
        CheckBox dpop = new CheckBox("DPoP-bound tokens (RFC 9449), even when the server does not demand them");
        dpop.setSelected(settings.dpopProperty().get());
        dpop.setId("clientDPoP");
        secret.disableProperty().bind(id.disableProperty());
        url.disableProperty().bind(how.valueProperty().isNotEqualTo(Registration.CIMD_URL));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Registration"), how);
        grid.addRow(1, new Label("Client ID"), id);
        grid.addRow(2, new Label("Client secret"), secret);
        grid.addRow(3, new Label("Metadata document URL"), url);
        grid.addRow(4, new Label("Scope"), scope);
        grid.addRow(5, new Label("Callback port (0: any)"), port);
        grid.addRow(6, new Label("Token binding"), dpop);
        int row = grants.addRows(grid, 7, id.disableProperty());
        Label note = new Label("The token endpoint authentication method follows the registration, the private key and the "
                + "server's metadata. A server that takes DPoP-bound tokens only gets them without the box ticked.");
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        grid.add(note, 0, row++, 2, 1);
        Label problem = new Label();
        problem.setId("clientProblem");
        problem.getStyleClass().add("error");
        problem.setWrapText(true);
        grid.add(problem, 0, row, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            grants.problem().ifPresentOrElse(text -> {
                problem.setText(text);
                e.consume();
            }, () -> problem.setText(""));
        });
        setResultConverter(button -> {
            if (button == ButtonType.OK) {
                settings.registrationProperty().set(how.getValue());
                settings.clientIdProperty().set(id.getText());
                settings.clientSecretProperty().set(secret.getText());
                settings.metadataUrlProperty().set(url.getText());
                settings.scopeProperty().set(scope.getText());
                settings.callbackPortProperty().set(port.getValue());
                grants.applyTo(settings);
                settings.dpopProperty().set(dpop.isSelected());
            }
            return button;
        });
    }
}
