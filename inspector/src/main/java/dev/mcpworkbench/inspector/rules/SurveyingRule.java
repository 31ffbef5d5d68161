package dev.mcpworkbench.inspector.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A static rule that reads each tool on its own, then judges the server from what it read: counts,
 * groups, combinations across tools. On a large server the scanner surveys the tools part by part
 * with the rules that judge items alone, while each part's data is in cache, and concludes once
 * ({@link PartedEvaluation}); {@link #check} does both in one go.
 *
 * @param <T> what the rule keeps of one tool
 */
public interface SurveyingRule<T> extends StaticRule {

    /** What the rule needs to know of {@code tool}, or null when nothing. Must not read other tools. */
    T survey(ToolView tool, ScanSubject subject);

    /** The findings, from one survey per tool of {@code subject}, in tool order (null where nothing). */
    List<Finding> conclude(List<T> surveys, ScanSubject subject);

    @Override
    default List<Finding> check(ScanSubject subject) {
        List<T> surveys = new ArrayList<>(subject.tools().size());
        for (ToolView tool : subject.tools()) surveys.add(survey(tool, subject));
        return conclude(surveys, subject);
    }
}
