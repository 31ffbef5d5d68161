package dev.mcpworkbench.app.ui.lab;

import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabServerKind;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import dev.mcpworkbench.lab.auth.Misbehaviour;
import java.net.URI;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The lab module's servers, started inside the app on 127.0.0.1 ({@link Lab#start}). The
 * authorization server protects the secure twin and shows the misbehaviour the user picked.
 */
public final class InProcessLab implements LabControl, AutoCloseable {

    private final Map<DemoServer, RunningLab> running = new EnumMap<>(DemoServer.class);

    @Override
    public synchronized URI start(DemoServer kind, String behaviour) {
        stop(kind);
        LabSpec spec = switch (kind) {
            case FLAWED -> LabSpec.flawed();
            case SECURE -> LabSpec.secure();
            case AUTHORIZATION -> behaviour.isEmpty() ? LabSpec.of(LabServerKind.SECURE).withAuth()
                    : LabSpec.of(LabServerKind.SECURE).withMisbehaviours(Misbehaviour.parse(behaviour));
        };
        RunningLab lab = Lab.start(spec);
        running.put(kind, lab);
        return lab.mcpUrl();
    }

    @Override
    public synchronized void stop(DemoServer kind) {
        RunningLab lab = running.remove(kind);
        if (lab != null) lab.close();
    }

    @Override
    public List<Behaviour> behaviours(DemoServer kind) {
        if (kind != DemoServer.AUTHORIZATION) return List.of();
        return Arrays.stream(Misbehaviour.values())
                .map(m -> new Behaviour(m.optionName(), m.ruleId() + ": " + m.description())).toList();
    }

    @Override
    public synchronized void close() {
        List.copyOf(running.keySet()).forEach(this::stop);
    }
}
