package io.jenkins.plugins.mlops;

import io.jenkins.plugins.mlops.validation.ValidateDataStep;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the Jelly views and help files that the offline build cannot render: every Jelly file escapes by default
 * (user data reaches the views), and all of them are well-formed XML.
 */
class PluginResourcesTest {
    @Test
    void shouldEscapeEverythingInEveryJellyView() throws IOException, URISyntaxException {
        var views = files(".jelly");

        assertThat(views).hasSizeGreaterThanOrEqualTo(5);
        for (Path view : views) {
            assertThat(Files.readString(view)).as(view.toString()).startsWith("<?jelly escape-by-default='true'?>");
        }
    }

    @Test
    void shouldShipWellFormedViewsAndHelp() throws IOException, URISyntaxException, ParserConfigurationException {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var parser = factory.newDocumentBuilder();

        for (Path file : Stream.concat(files(".jelly").stream(), files(".html").stream()).toList()) {
            try {
                parser.parse(file.toFile());
            } catch (SAXException e) {
                throw new AssertionError(file + " is not well-formed: " + e.getMessage(), e);
            }
        }
    }

    private static List<Path> files(final String suffix) throws IOException, URISyntaxException {
        var classes = Path.of(ValidateDataStep.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> all = Files.walk(classes)) {
            return all.filter(file -> file.getFileName().toString().endsWith(suffix)).toList();
        }
    }
}
