package dev.mcpworkbench.inspector.skills;

/**
 * One reason a skill did not load: a file that is not what the listing said it is. The content of
 * such a file is never handed on.
 *
 * @param fileUri  the file concerned
 * @param expected what the listing says (a digest, a byte count, the listed front matter)
 * @param actual   what the server sent (its digest, its byte count, the differing fields)
 */
public record SkillViolation(Kind kind, String fileUri, String expected, String actual) {

    public enum Kind {
        /** The file's SHA-256 is not the listed digest. */
        DIGEST_MISMATCH("content does not match the listed digest"),
        /** The file's byte length is not the listed size (a verification failure, like a digest mismatch). */
        SIZE_MISMATCH("byte length differs from the listed size"),
        /** The SKILL.md front matter says something other than the listing's front matter. */
        FRONTMATTER_MISMATCH("front matter differs from the listed front matter"),
        /** The SKILL.md has no front matter block (or not a YAML mapping) to compare with the listing. */
        FRONTMATTER_MISSING("has no YAML front matter to compare with the listing"),
        /** The listing gives no digest for the file, so nothing could be verified. */
        DIGEST_MISSING("is listed without a digest"),
        /** The skill's listing (not a dynamic one) does not list its own SKILL.md, so it cannot be verified. */
        NOT_LISTED("is not among the skill's listed files, so it cannot be verified"),
        /** resources/read failed or returned no content for the file. */
        UNREADABLE("could not be read");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** One line a person can act on, e.g. "skill://a/SKILL.md: content does not match the listed digest (listed sha256:..., got sha256:...)". */
    public String message() {
        String detail = expected.isEmpty() && actual.isEmpty() ? "" : " (listed " + expected + ", got " + actual + ")";
        return fileUri + ": " + kind.text() + detail;
    }
}
