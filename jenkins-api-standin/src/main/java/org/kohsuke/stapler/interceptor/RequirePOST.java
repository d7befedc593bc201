package org.kohsuke.stapler.interceptor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in for {@code stapler: core/src/main/java/org/kohsuke/stapler/interceptor/RequirePOST.java}: other verbs
 * get "405 Try POSTing" (without the {@code @InterceptorAnnotation} meta-annotation and the nested processor).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
public @interface RequirePOST {
}
