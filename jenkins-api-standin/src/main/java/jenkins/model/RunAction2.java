package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

/** Stand-in for {@code core/src/main/java/jenkins/model/RunAction2.java}: an action told about its build. */
public interface RunAction2 extends Action {
    void onAttached(Run<?, ?> r);

    void onLoad(Run<?, ?> r);
}
