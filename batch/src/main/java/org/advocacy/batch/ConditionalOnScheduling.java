package org.advocacy.batch;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * On a bean with {@code @Scheduled} methods: the bean exists only while scheduling is on
 * ({@code advocacy.scheduling.enabled}, see {@link SchedulingConfiguration}), the one
 * switch for everything that runs on a schedule.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnBooleanProperty(name = SchedulingConfiguration.ENABLED, matchIfMissing = true)
public @interface ConditionalOnScheduling {

}
