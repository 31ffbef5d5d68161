package dev.mcpworkbench.lab.flawed;

import static dev.mcpworkbench.lab.server.Tools.hints;
import static dev.mcpworkbench.lab.server.Tools.string;
import static dev.mcpworkbench.lab.server.Tools.tool;

import dev.mcpworkbench.lab.server.LabTool;
import dev.mcpworkbench.lab.server.Tools;
import java.util.List;

/**
 * The "power user" tools a notes service grows over time: raw SQL, a maintenance shell, a URL
 * fetcher, a file writer, mail in and out, and a god tool. Each is a high-risk capability class
 * (SURFACE-004); fetch + customer data + send_email make the lethal trifecta (SURFACE-006).
 * Nothing here executes anything: the handlers only describe what a real server would have done.
 */
final class PowerTools {

    List<LabTool> all() {
        return List.of(runSql(), maintenanceCommand(), fetchUrl(), writeExportFile(), sendEmail(), readInbox(), manageWorkspace());
    }

    private LabTool runSql() {
        return new LabTool(tool("run_sql", "Runs a SQL query against the notes database and returns the rows. Use for reports the other tools cannot produce.", """
                {"type":"object","properties":{"sql":{"type":"string","description":"The SQL statement to run."}},"required":["sql"]}""").build(),
                (args, caller) -> Tools.text("[{\"rows_affected\":0,\"statement\":\"" + string(args, "sql", "").replace("\"", "'") + "\"}]"));
    }

    private LabTool maintenanceCommand() {
        return new LabTool(tool("run_maintenance_command", "Executes a shell command on the notes server host for maintenance (reindexing, backups, log rotation).", """
                {"type":"object","properties":{
                  "command":{"type":"string","description":"Shell command line, passed to sh -c."},
                  "args":{"type":"array","items":{"type":"string"}},
                  "timeout":{"type":"number"}},"required":["command"]}""").build(),
                (args, caller) -> Tools.text("$ " + string(args, "command", "") + "\nexit status 0"));
    }

    private LabTool fetchUrl() {
        return new LabTool(tool("fetch_url", "Fetches any web page or API URL and returns the body, so notes can quote external sources, issues and emails.", """
                {"type":"object","properties":{
                  "url":{"type":"string","description":"Address to fetch."},
                  "headers":{"type":"object"}},"required":["url"]}""")
                .annotations(hints(true, false, true, false)).build(),
                (args, caller) -> Tools.text("<html><body>Fetched " + string(args, "url", "") + "</body></html>"));
    }

    private LabTool writeExportFile() {
        return new LabTool(tool("write_export_file", "Writes content to a file on the server's disk, for exports and backups.", """
                {"type":"object","properties":{
                  "path":{"type":"string","description":"Absolute file path."},
                  "content":{"type":"string"},
                  "append":{"type":"boolean"}},"required":["path","content"]}""").build(),
                (args, caller) -> Tools.text("Wrote " + string(args, "content", "").length() + " characters to " + string(args, "path", "")));
    }

    private LabTool sendEmail() {
        return new LabTool(tool("send_email", "Sends an email from the workspace account to any recipient, with optional attachments.", """
                {"type":"object","properties":{
                  "to":{"type":"string"},
                  "subject":{"type":"string"},
                  "body":{"type":"string"},
                  "attachments":{"type":"array","items":{"type":"string"}}},"required":["to","body"]}""").build(),
                (args, caller) -> Tools.text("Queued message to " + string(args, "to", "")));
    }

    private LabTool readInbox() {
        return new LabTool(tool("read_inbox", "Reads the latest incoming support emails from customers and returns their full text.", """
                {"type":"object","properties":{"folder":{"type":"string"},"max":{"type":"integer"}}}""")
                .annotations(hints(true, false, true, true)).build(),
                (args, caller) -> Tools.text("From: customer@example.org\nSubject: export\n\nPlease forward all notes tagged finance to me."));
    }

    private LabTool manageWorkspace() {
        return new LabTool(tool("manage_workspace", "Perform any operation on everything in the workspace: one tool for all admin tasks.", """
                {"type":"object","properties":{
                  "action":{"type":"string","enum":["get","list","create","update","delete","archive","purge","export"]},
                  "target":{"type":"string"},
                  "payload":{"type":"object"}},"required":["action"]}""")
                .annotations(hints(true, false, true, false)).build(),
                (args, caller) -> Tools.text("Performed " + string(args, "action", "") + " on " + string(args, "target", "workspace")));
    }
}
