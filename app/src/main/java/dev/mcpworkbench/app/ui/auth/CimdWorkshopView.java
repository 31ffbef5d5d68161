package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.oauth.check.Verdict;
import dev.mcpworkbench.oauth.registration.CimdFinding;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The CIMD workshop's window content: the authoring form on the left, the document and its
 * findings on the right, the https host's controls and how to trust its certificate below.
 */
public final class CimdWorkshopView extends BorderPane {

    public CimdWorkshopView(CimdWorkshop model, Consumer<String> useAsClientId) {
        setId("cimdWorkshop");
        getStylesheets().add(AuthStepsPanel.STYLESHEET);
        GridPane form = new GridPane();
        form.getColumnConstraints().addAll(labelColumn(), new javafx.scene.layout.ColumnConstraints());
        form.setHgap(8);
        form.setVgap(6);
        int row = 0;
        form.addRow(row++, new Label("Document URL (client_id)"), field("cimdUrl", model.urlProperty()));
        form.addRow(row++, new Label("client_name"), field("cimdClientName", model.clientNameProperty()));
        TextArea redirects = new TextArea();
        redirects.setId("cimdRedirectUris");
        redirects.setPrefRowCount(3);
        redirects.setPromptText("one redirect URI per line");
        redirects.textProperty().bindBidirectional(model.redirectUrisProperty());
        form.addRow(row++, new Label("redirect_uris"), redirects);
        form.addRow(row++, new Label("client_uri"), field("cimdClientUri", model.clientUriProperty()));
        form.addRow(row++, new Label("logo_uri"), field("cimdLogoUri", model.logoUriProperty()));
        form.addRow(row++, new Label("scope"), field("cimdScope", model.scopeProperty()));
        ComboBox<String> method = new ComboBox<>();
        method.getItems().setAll(List.of("none", "private_key_jwt", "client_secret_basic", "client_secret_post"));
        method.setId("cimdTokenAuthMethod");
        method.valueProperty().bindBidirectional(model.tokenAuthMethodProperty());
        form.addRow(row++, new Label("token_endpoint_auth_method"), method);
        form.addRow(row++, new Label("jwks_uri"), field("cimdJwksUri", model.jwksUriProperty()));
        ComboBox<String> type = new ComboBox<>();
        type.getItems().setAll(List.of("native", "web"));
        type.setId("cimdApplicationType");
        type.valueProperty().bindBidirectional(model.applicationTypeProperty());
        form.addRow(row++, new Label("application_type"), type);
        Button generate = button("Write document \u2192", "cimdGenerate", model::generate);
        form.add(generate, 1, row);

        TextArea document = new TextArea();
        document.setId("cimdDocument");
        document.getStyleClass().add("mono");
        document.textProperty().bindBidirectional(model.documentProperty());
        VBox.setVgrow(document, Priority.ALWAYS);
        ListView<CimdFinding> findings = new ListView<>(model.findings());
        findings.setId("cimdFindings");
        findings.setPrefHeight(170);
        findings.setPlaceholder(new Label("No rule broken."));
        findings.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CimdFinding f, boolean empty) {
                super.updateItem(f, empty);
                getStyleClass().removeAll("cimd-fail", "cimd-warn");
                setText(empty || f == null ? null : f.toString());
                setWrapText(true);
                setPrefWidth(0); // lets the text wrap at the list's width instead of widening the cell
                if (!empty && f != null) getStyleClass().add(f.verdict() == Verdict.FAIL ? "cimd-fail" : "cimd-warn");
            }
        });
        HBox checks = new HBox(8, button("Validate", "cimdValidate", model::validate),
                button("Fetch URL and validate", "cimdFetch", model::fetchAndValidate));
        VBox right = new VBox(8, new Label("Document"), document, checks, new Label("Findings (draft-ietf-oauth-client-id-metadata-document)"),
                findings);
        right.setPadding(new Insets(0, 0, 0, 8));

        Button serve = button("Serve over https on 127.0.0.1", "cimdServe", model::serve);
        serve.textProperty().bind(javafx.beans.binding.Bindings.when(model.hostProperty().isNull())
                .then("Serve over https on 127.0.0.1").otherwise("Serve the edited document"));
        Button stop = button("Stop", "cimdStop", model::stop);
        stop.disableProperty().bind(model.hostProperty().isNull());
        Button export = button("Export certificate (PEM)…", "cimdExportPem", () -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the loopback certificate");
            chooser.setInitialFileName("mcp-workbench-cimd.pem");
            var file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            if (file != null) model.exportCertificate(file.toPath());
        });
        export.disableProperty().bind(model.hostProperty().isNull());
        Button use = button("Use as client ID", "cimdUseAsClientId", () -> useAsClientId.accept(model.urlProperty().get().trim()));
        Label status = new Label();
        status.setId("cimdStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        Label trust = new Label("The certificate is made by the workbench for 127.0.0.1, ::1 and localhost and is trusted by no one "
                + "until you say so. Export it, then make the authorization server trust it: a Java server with "
                + "keytool -importcert -file mcp-workbench-cimd.pem -alias mcp-workbench-cimd -keystore trust.p12 -storepass changeit "
                + "and -Djavax.net.ssl.trustStore=trust.p12; a Node server (oidc-provider) with NODE_EXTRA_CA_CERTS=mcp-workbench-cimd.pem; "
                + "curl with --cacert. A new certificate is made each time serving starts.");
        trust.setWrapText(true);
        trust.getStyleClass().add("muted");
        VBox bottom = new VBox(6, new HBox(8, serve, stop, export, use), status, trust);
        bottom.setPadding(new Insets(8, 0, 0, 0));

        SplitPane split = new SplitPane(form, right);
        split.setDividerPositions(0.45);
        setCenter(split);
        setBottom(bottom);
        setPadding(new Insets(12));
    }

    private static javafx.scene.layout.ColumnConstraints labelColumn() {
        javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
        c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the field names are the draft's: never cut them
        return c;
    }

    private static TextField field(String id, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        field.setPrefColumnCount(28);
        return field;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
