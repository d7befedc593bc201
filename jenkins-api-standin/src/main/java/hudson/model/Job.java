package hudson.model;

import hudson.ExtensionPoint;

/** Stand-in for {@code core/src/main/java/hudson/model/Job.java}. */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem
        implements ExtensionPoint {
}
