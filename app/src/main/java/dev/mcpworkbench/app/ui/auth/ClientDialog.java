package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.app.auth.MachineGrantSettings;
import dev.mcpworkbench.app.auth.ClientIdentity;
import dev.mcpworkbench.app.ui.auth.ClientSettings.Registration;
import java.util.ArrayList;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
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

/**
 * Edits {@link ClientSettings}; OK applies them to the next connection (and the feature saves them
 * with the saved connection they belong to), Cancel changes nothing. A value the flow would refuse
 * keeps the dialog open with the reason.
 */
public final class ClientDialog extends Dialog<ButtonType> {

    /** What an empty choice is shown as. */
    static final String AUTOMATIC = "automatic";

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
        ComboBox<String> method = choice("tokenAuthMethod", ClientIdentity.TOKEN_AUTH_METHODS, settings.tokenAuthMethodProperty().get());
        ComboBox<String> host = choice("callbackHost", List.of("127.0.0.1", "localhost"), settings.callbackHostProperty().get());
        Spinner<Integer> port = new Spinner<>(0, 65535, settings.callbackPortProperty().get());
        port.setEditable(true);
        port.setId("callbackPort");
        TextField path = new TextField(settings.callbackPathProperty().get());
        path.setId("callbackPath");
        path.setPromptText("/callback");
        ComboBox<String> version = choice("protocolVersion", ClientIdentity.PROTOCOL_VERSIONS, settings.protocolVersionProperty().get());
        MachineGrantPane grants = new MachineGrantPane(settings);
        // A machine grant always uses the pre-registered client: there is no person to register one for.
        how.disableProperty().bind(grants.grant.valueProperty().isNotEqualTo(MachineGrantSettings.Grant.AUTHORIZATION_CODE));
        id.disableProperty().bind(how.valueProperty().isNotEqualTo(Registration.PRE_REGISTERED).and(how.disableProperty().not()));
        CheckBox dpop = new CheckBox("DPoP-bound tokens (RFC 9449), even when the server does not demand them");
        dpop.setSelected(settings.dpopProperty().get());
        dpop.setId("clientDPoP");
        secret.disableProperty().bind(id.disableProperty());
        url.disableProperty().bind(how.valueProperty().isNotEqualTo(Registration.CIMD_URL));
        Label problem = new Label();
        problem.setId("clientProblem");
        problem.getStyleClass().add("error");
        problem.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Registration"), how);
        grid.addRow(1, new Label("Client ID"), id);
        grid.addRow(2, new Label("Client secret"), secret);
        grid.addRow(3, new Label("Metadata document URL"), url);
        grid.addRow(4, new Label("Scope"), scope);
        grid.addRow(5, new Label("Token endpoint authentication"), method);
        grid.addRow(6, new Label("Callback host"), host);
        grid.addRow(7, new Label("Callback port (0: any)"), port);
        grid.addRow(8, new Label("Callback path"), path);
        grid.addRow(9, new Label("MCP protocol version"), version);
        grid.addRow(10, new Label("Token binding"), dpop);
        int row = grants.addRows(grid, 11, id.disableProperty());
        Label note = new Label("Automatic token endpoint authentication: none without a secret, else basic when the "
                + "server lists it, else post. The protocol version fixes the authorization spec revision; automatic "
                + "negotiates with initialize. A server that takes DPoP-bound tokens only gets them without the box ticked. "
                + "Saved with the selected connection.");
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        note.setMaxWidth(520);
        grid.add(note, 0, row++, 2, 1);
        grid.add(problem, 0, row, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        ClientSettings edited = new ClientSettings();
        Runnable copy = () -> {
            edited.grantProperty().set(grants.grant.getValue());
            edited.registrationProperty().set(how.getValue());
            edited.clientIdProperty().set(id.getText());
            edited.clientSecretProperty().set(secret.getText());
            edited.metadataUrlProperty().set(url.getText());
            edited.scopeProperty().set(scope.getText());
            edited.tokenAuthMethodProperty().set(chosen(method));
            edited.callbackHostProperty().set(chosen(host));
            edited.callbackPortProperty().set(port.getValue());
            edited.callbackPathProperty().set(path.getText());
            edited.protocolVersionProperty().set(chosen(version));
        };
        ((Button) getDialogPane().lookupButton(ButtonType.OK)).addEventFilter(ActionEvent.ACTION, event -> {
            copy.run();
            try {
                grants.problem().ifPresent(text -> {
                    throw new IllegalArgumentException(text);
                });
                // the identity's own checks; the key file is read when the connection opens, off the FX thread
                edited.identity().flowOptions(new dev.mcpworkbench.oauth.flow.HeadlessAgent(), java.time.Duration.ofMinutes(5));
                problem.setText("");
            } catch (IllegalArgumentException refused) {
                problem.setText(refused.getMessage());
                event.consume();
            }
        });
        setResultConverter(button -> {
            if (button == ButtonType.OK) {
                grants.applyTo(settings);
                settings.dpopProperty().set(dpop.isSelected());
                settings.load(edited.identity(), edited.registrationProperty().get());
            }
            return button;
        });
    }

    private static ComboBox<String> choice(String id, List<String> values, String current) {
        List<String> items = new ArrayList<>();
        items.add(AUTOMATIC);
        items.addAll(values);
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(items);
        box.setValue(current == null || current.isBlank() ? AUTOMATIC : current);
        box.setId(id);
        return box;
    }

    private static String chosen(ComboBox<String> box) {
        return box.getValue() == null || AUTOMATIC.equals(box.getValue()) ? "" : box.getValue();
    }
}
