package io.jenkins.plugins.mlops.util;

import java.util.List;
import java.util.Map;

/**
 * A titled link that a build page may show: only http and https URLs pass, so that a registry or a report cannot
 * put a {@code javascript:} or {@code file:} link on a Jenkins page. Pages still write both through escaped
 * Jelly expressions.
 *
 * @param title what the link shows
 * @param url   where it goes, http or https
 */
public record WebLink(String title, String url) {
    /**
     * The web links among titled URLs, in their order.
     *
     * @param titled URLs by title; {@code null} values and other schemes are left out
     */
    public static List<WebLink> of(final Map<String, String> titled) {
        return titled.entrySet().stream().filter(link -> isWeb(link.getValue()))
                .map(link -> new WebLink(link.getKey(), link.getValue())).toList();
    }

    /** Whether a URL is http or https. */
    public static boolean isWeb(final String url) {
        return url != null && (url.regionMatches(true, 0, "https://", 0, 8)
                || url.regionMatches(true, 0, "http://", 0, 7));
    }
}
