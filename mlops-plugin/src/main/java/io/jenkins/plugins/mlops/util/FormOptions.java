package io.jenkins.plugins.mlops.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.util.ListBoxModel;
import io.mlops.data.DataFormat;

import java.util.Arrays;
import java.util.stream.Stream;

/** Drop-down options of the steps' forms, from the engine's names. */
public final class FormOptions {
    private FormOptions() {
    }

    /**
     * The engine's names as options.
     *
     * @param unset the label of a first, empty option that leaves the choice to the engine; null for none
     * @param ids   the names
     */
    public static ListBoxModel choices(@CheckForNull final String unset, final Stream<String> ids) {
        var options = new ListBoxModel();
        if (unset != null) {
            options.add(new ListBoxModel.Option(unset, ""));
        }
        ids.map(ListBoxModel.Option::new).forEach(options::add);
        return options;
    }

    /** The data formats, after "By file extension". */
    public static ListBoxModel dataFormats() {
        return choices("By file extension", Arrays.stream(DataFormat.values()).map(DataFormat::id));
    }
}
