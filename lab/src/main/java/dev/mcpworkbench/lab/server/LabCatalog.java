package dev.mcpworkbench.lab.server;

import java.util.List;
import java.util.Optional;

/**
 * Everything one lab MCP server exposes, independent of the transport.
 *
 * @param strict         whether the server validates tool inputs and structured outputs against their
 *                       schemas and checks the Origin header (the twin does; the flawed server does not)
 * @param afterFirstCall a rug pull: the definition that silently replaces the tool of the same name
 *                       once the first tools/call has run (per stdio session; per server over
 *                       stateless HTTP), or null
 */
public record LabCatalog(String name, String version, String instructions, List<LabTool> tools,
                         List<LabResource> resources, List<LabTemplate> templates, List<LabPrompt> prompts,
                         boolean strict, LabTool afterFirstCall) {

    public LabCatalog(String name, String version, String instructions, List<LabTool> tools,
                      List<LabResource> resources, List<LabTemplate> templates, List<LabPrompt> prompts, boolean strict) {
        this(name, version, instructions, tools, resources, templates, prompts, strict, null);
    }

    public Optional<LabTool> tool(String toolName) {
        return tools.stream().filter(t -> t.name().equals(toolName)).findFirst();
    }
}
