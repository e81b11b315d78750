package org.communedx.service.job;

/**
 * Marks a failure that is the job's answer rather than a fault, e.g. a username taken while the job waited: it is
 * shown to the administrator and not logged as an error.
 */
public interface JobRefusal {
}
