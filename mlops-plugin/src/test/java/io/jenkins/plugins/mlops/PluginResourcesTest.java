package io.jenkins.plugins.mlops;

import io.jenkins.plugins.mlops.validation.ValidateDataStep;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the Jelly views and help files that the offline build cannot render: every Jelly file escapes by default
 * (user data reaches the views), all of them are well-formed XML, and the views refer only to what their classes
 * have.
 */
class PluginResourcesTest {
    private static final Pattern IT_REFERENCE =
            Pattern.compile("\\bit\\.([A-Za-z_][A-Za-z0-9_]*)\\s*(\\()?");

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

    /**
     * Every {@code it.NAME} of a view names something its class has: a getter ({@code getName}, {@code isName}) or,
     * when called, a public method. A typo would otherwise show only as an empty cell on a live build page.
     */
    @Test
    void shouldReferToPropertiesAndMethodsTheViewsClassHas() throws Exception {
        var classes = Path.of(ValidateDataStep.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        var checked = 0;
        for (Path view : files(".jelly")) {
            var relative = classes.relativize(view.getParent()).toString().replace(File.separatorChar, '.');
            Class<?> type;
            try {
                type = Class.forName(relative);
            } catch (ClassNotFoundException e) {
                continue; // index.jelly of the plugin, not a view of a class
            }
            var matcher = IT_REFERENCE.matcher(Files.readString(view));
            while (matcher.find()) {
                var name = matcher.group(1);
                boolean called = matcher.group(2) != null;
                assertThat(resolves(type, name, called)).as("%s: it.%s%s has no %s in %s", view.getFileName(), name,
                        called ? "(...)" : "", called ? "public method" : "getter", type.getSimpleName()).isTrue();
                checked++;
            }
        }
        assertThat(checked).as("references checked").isGreaterThan(50);
    }

    private static boolean resolves(final Class<?> type, final String name, final boolean called) {
        var capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return Arrays.stream(type.getMethods()).anyMatch(method -> called ? method.getName().equals(name)
                : method.getParameterCount() == 0 && (method.getName().equals("get" + capitalised)
                || method.getName().equals("is" + capitalised)));
    }

    private static List<Path> files(final String suffix) throws IOException, URISyntaxException {
        var classes = Path.of(ValidateDataStep.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> all = Files.walk(classes)) {
            return all.filter(file -> file.getFileName().toString().endsWith(suffix)).toList();
        }
    }
}
