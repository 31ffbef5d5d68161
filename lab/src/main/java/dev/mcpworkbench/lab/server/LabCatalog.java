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
 * @param skills         skills served through the skills extension (over HTTP only: the SDK's stdio
 *                       server cannot answer skills/list, so it does not declare the extension)
 */
public record LabCatalog(String name, String version, String instructions, List<LabTool> tools,
                         List<LabResource> resources, List<LabTemplate> templates, List<LabPrompt> prompts,
                         boolean strict, LabTool afterFirstCall, List<LabSkill> skills) {

    public LabCatalog {
        skills = skills == null ? List.of() : List.copyOf(skills);
    }

    public LabCatalog(String name, String version, String instructions, List<LabTool> tools,
                      List<LabResource> resources, List<LabTemplate> templates, List<LabPrompt> prompts,
                      boolean strict, LabTool afterFirstCall) {
        this(name, version, instructions, tools, resources, templates, prompts, strict, afterFirstCall, List.of());
    }

    public LabCatalog(String name, String version, String instructions, List<LabTool> tools,
                      List<LabResource> resources, List<LabTemplate> templates, List<LabPrompt> prompts, boolean strict) {
        this(name, version, instructions, tools, resources, templates, prompts, strict, null);
    }

    public LabCatalog withSkills(List<LabSkill> served) {
        return new LabCatalog(name, version, instructions, tools, resources, templates, prompts, strict, afterFirstCall, served);
    }

    /** The resources served over HTTP: the catalog's, then every skill's files. */
    public List<LabResource> resourcesWithSkills() {
        List<LabResource> all = new java.util.ArrayList<>(resources);
        skills.forEach(s -> all.addAll(s.resources()));
        return List.copyOf(all);
    }

    public Optional<LabTool> tool(String toolName) {
        return tools.stream().filter(t -> t.name().equals(toolName)).findFirst();
    }
}
