package dev.mcpworkbench.app.ui.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.app.ui.payload.Reply;
import dev.mcpworkbench.app.ui.tools.ToolCaller;
import dev.mcpworkbench.inspector.skills.SkillEntry;
import dev.mcpworkbench.inspector.skills.SkillLoad;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The requests the workspace sends to a connected server. Blocking; run off the FX thread. */
public interface LiveServer extends ToolCaller {

    /** The ReadResourceResult as JSON ({@code contents}). */
    JsonNode readResource(String uri) throws Exception;

    /** The GetPromptResult as JSON ({@code description}, {@code messages}). */
    JsonNode getPrompt(String name, Map<String, String> arguments) throws Exception;

    /** {@link #readResource} with where the result lies in the bytes the server sent, when known. */
    default Reply readResourceReply(String uri) throws Exception {
        return new Reply(readResource(uri), null);
    }

    /** {@link #getPrompt} with where the result lies in the bytes the server sent, when known. */
    default Reply getPromptReply(String name, Map<String, String> arguments) throws Exception {
        return new Reply(getPrompt(name, arguments), null);
    }

    /**
     * The skills the server lists through the skills extension, reading none of their files; empty
     * when the server does not declare the extension.
     */
    default Optional<List<SkillEntry>> listSkills() throws Exception {
        return Optional.empty();
    }

    /** Loads one listed skill, each file verified against the listing before the next is read. */
    default SkillLoad loadSkill(SkillEntry skill) throws Exception {
        throw new UnsupportedOperationException("this server cannot load skills");
    }
}
