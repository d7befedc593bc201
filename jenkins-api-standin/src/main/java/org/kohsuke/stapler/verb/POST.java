package org.kohsuke.stapler.verb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in for {@code stapler: core/src/main/java/org/kohsuke/stapler/verb/POST.java}: the web method is only
 * dispatched for POST requests (without the {@code @InterceptorAnnotation} meta-annotation).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface POST {
}
