package dev.mcpworkbench.inspector.rules.catalog;

import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.Scanner;
import dev.mcpworkbench.inspector.rules.StaticRule;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.rules.compat.SdkClientCompatibility;
import dev.mcpworkbench.inspector.rules.config.SecretInClientConfig;
import dev.mcpworkbench.inspector.rules.docs.AnnotationContradiction;
import dev.mcpworkbench.inspector.rules.docs.DescriptionQuality;
import dev.mcpworkbench.inspector.rules.docs.DestructiveWithoutGuard;
import dev.mcpworkbench.inspector.rules.docs.MissingAnnotations;
import dev.mcpworkbench.inspector.rules.docs.NameHygiene;
import dev.mcpworkbench.inspector.rules.docs.Steering;
import dev.mcpworkbench.inspector.rules.drift.DefinitionChanged;
import dev.mcpworkbench.inspector.rules.drift.UnpinnedLaunch;
import dev.mcpworkbench.inspector.rules.output.MissingOutputSchema;
import dev.mcpworkbench.inspector.rules.poison.CrossToolReference;
import dev.mcpworkbench.inspector.rules.poison.ExfiltrationParameter;
import dev.mcpworkbench.inspector.rules.poison.HiddenText;
import dev.mcpworkbench.inspector.rules.poison.OverrideOrConcealment;
import dev.mcpworkbench.inspector.rules.poison.PseudoTags;
import dev.mcpworkbench.inspector.rules.poison.SensitiveTargetDirective;
import dev.mcpworkbench.inspector.rules.schema.CredentialArgument;
import dev.mcpworkbench.inspector.rules.schema.LaxSchema;
import dev.mcpworkbench.inspector.rules.schema.OpenObject;
import dev.mcpworkbench.inspector.rules.schema.RawInterpreterParameter;
import dev.mcpworkbench.inspector.rules.schema.UnboundedSizes;
import dev.mcpworkbench.inspector.rules.schema.UnconstrainedString;
import dev.mcpworkbench.inspector.rules.schema.UnrestrictedUrlOrPath;
import dev.mcpworkbench.inspector.rules.surface.CrudMirroring;
import dev.mcpworkbench.inspector.rules.surface.GodTool;
import dev.mcpworkbench.inspector.rules.surface.HighRiskCapabilities;
import dev.mcpworkbench.inspector.rules.surface.ToolListContextCost;
import dev.mcpworkbench.inspector.rules.surface.TooManyTools;
import dev.mcpworkbench.inspector.rules.surface.ToxicFlow;
import dev.mcpworkbench.inspector.rules.transport.CleartextTransport;
import java.util.List;
import java.util.Optional;

/**
 * The registry of static rules, in catalog order. Adding a rule means adding it here; nothing is
 * discovered. It sits outside the engine's package so the engine ({@link Scanner}) never imports a rule.
 */
public final class StaticRules {

    private static final List<StaticRule> ALL = List.of(
            new TooManyTools(), new ToolListContextCost(), new CrudMirroring(), new HighRiskCapabilities(),
            new GodTool(), new ToxicFlow(),
            new UnconstrainedString(), new OpenObject(), new UnboundedSizes(), new RawInterpreterParameter(),
            new UnrestrictedUrlOrPath(), new LaxSchema(), new CredentialArgument(),
            new DescriptionQuality(), new NameHygiene(), new MissingAnnotations(), new AnnotationContradiction(),
            new DestructiveWithoutGuard(), new Steering(),
            new PseudoTags(), new HiddenText(), new OverrideOrConcealment(), new SensitiveTargetDirective(),
            new CrossToolReference(), new ExfiltrationParameter(),
            new MissingOutputSchema(),
            new DefinitionChanged(), new UnpinnedLaunch(),
            new SecretInClientConfig(),
            new CleartextTransport(),
            new SdkClientCompatibility());

    private StaticRules() {
    }

    public static List<StaticRule> all() {
        return ALL;
    }

    /** Every registered static rule on {@code snapshot}: what a scan of one server means. */
    public static ScanResult scan(ServerSnapshot snapshot, ScanContext context) {
        return Scanner.scan(snapshot, context, ALL);
    }

    public static Optional<StaticRule> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
