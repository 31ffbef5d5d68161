package dev.mcpworkbench.inspector.payload;

/** Human-readable byte sizes (binary units) for notes and summaries. */
public final class ByteSizes {
    private ByteSizes() {
    }

    public static String format(long bytes) {
        if (bytes < 1024) return bytes + " B";
        double v = bytes;
        String[] units = {"KB", "MB", "GB", "TB"};
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (v < 10 ? NumberText.oneDecimal(v) : Long.toString(Math.round(v))) + " " + units[u];
    }
}
