package io.jenkins.plugins.mlops.lineage;

import io.jenkins.plugins.mlops.util.WebLink;
import io.mlops.lineage.LineageEvent;
import io.mlops.report.DisplayValues;

import java.util.List;
import java.util.Map;

/**
 * One event of the lineage page's timeline, ready to show. Facts and titles come from steps and registries, so the
 * page writes them through escaped expressions; links are http(s) only.
 *
 * @param step   the step's Pipeline name
 * @param status its status
 * @param time   when it finished, in UTC
 * @param facts  what it recorded, in its order
 * @param links  where to look at it
 */
public record LineageRow(String step, String status, String time, Map<String, String> facts, List<WebLink> links) {
    static LineageRow of(final LineageEvent event) {
        return new LineageRow(event.step(), event.status(), DisplayValues.time(event.at()), event.facts(),
                WebLink.of(event.links()));
    }
}
