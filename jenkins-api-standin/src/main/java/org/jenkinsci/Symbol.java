package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in for {@code lib-symbol-annotation: src/main/java/org/jenkinsci/Symbol.java}: the short DSL name of an
 * extension. The real annotation is also {@code @Indexed}; the offline build never looks symbols up.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
public @interface Symbol {
    String[] value();
}
