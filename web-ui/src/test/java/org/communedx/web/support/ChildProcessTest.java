package org.communedx.web.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test that spends most of its time waiting for a child JVM (the packaged application, a script) to start, crash
 * or stop. It runs beside the in-process tests, which keep their one thread and their shared context, so that the
 * second core works while the first waits; the shared lock keeps such tests to one at a time and their methods in
 * order. The failsafe configuration in the parent pom turns JUnit's parallel execution on for this alone: every other
 * test runs in the same thread, one after another, as before.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("child process")
public @interface ChildProcessTest {
}
