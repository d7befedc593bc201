package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;

import java.util.ArrayList;

/**
 * Stand-in for {@code core/src/main/java/hudson/util/ListBoxModel.java} (the real class also implements
 * Stapler's {@code HttpResponse}). It is a real {@link ArrayList}, so filled models can be inspected in tests.
 */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
    private static final long serialVersionUID = 1L;

    public ListBoxModel() {
        super();
    }

    /** One entry of a drop-down list. */
    public static final class Option {
        public String name;
        public String value;

        public Option(@NonNull final String name, @NonNull final String value) {
            this.name = name;
            this.value = value;
        }

        public Option(@NonNull final String name) {
            this(name, name);
        }
    }
}
