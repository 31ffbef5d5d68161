package dev.mcpworkbench.inspector.rules.text;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/** o200k_base token counts (GPT-4o family), a fair proxy for what a tool list costs in context. */
public final class Tokens {

    private Tokens() {
    }

    // Loading the encoding takes a moment: once per JVM, on first use.
    private static final class Holder {
        static final Encoding O200K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    }

    public static int count(String text) {
        if (text == null || text.isEmpty()) return 0;
        return Holder.O200K.countTokensOrdinary(text);
    }
}
