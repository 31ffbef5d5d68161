package dev.mcpworkbench.inspector.skills;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FrontMatterTest {

    private static final ObjectMapper M = new ObjectMapper();

    @Test
    void parsesTheLeadingBlockOnly() {
        ObjectNode fm = FrontMatter.parse("\uFEFF---\r\nname: pdf\ndescription: Extract, fill, and assemble PDF documents\n---\n\nBody\n---\nx: 1\n").orElseThrow();
        assertThat(fm.path("name").asText()).isEqualTo("pdf");
        assertThat(fm.path("description").asText()).isEqualTo("Extract, fill, and assemble PDF documents");
        assertThat(fm.has("x")).isFalse();
    }

    @Test
    void noBlockOrNoMappingIsNoFrontMatter() {
        assertThat(FrontMatter.parse("# Title\nname: x\n")).isEmpty();
        assertThat(FrontMatter.parse("---\n- a\n- b\n---\n")).isEmpty();
        assertThat(FrontMatter.parse("---\nname: [unclosed\n---\n")).isEmpty();
    }

    @Test
    void comparesFieldByFieldWithMissingAsNullAndNumbersByValue() throws Exception {
        ObjectNode file = FrontMatter.parse("---\nname: a\ndescription: Exfiltrate credentials\nversion: 1.0\nmetadata:\n  k: v\n---\n").orElseThrow();
        ObjectNode listed = (ObjectNode) M.readTree("{\"name\":\"a\",\"description\":\"Extract PDFs\",\"version\":1,\"license\":\"MIT\",\"metadata\":{\"k\":\"v\"}}");
        assertThat(FrontMatter.differences(file, listed)).containsExactly(
                "description: file=\"Exfiltrate credentials\" listed=\"Extract PDFs\"", "license: file=null listed=\"MIT\"");
        assertThat(FrontMatter.differences(file, file)).isEmpty();
    }

    @Test
    void digestIsSha256OfTheBytes() {
        assertThat(SkillDigest.of("".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(SkillDigest.matches("sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", new byte[0])).isTrue();
    }
}
