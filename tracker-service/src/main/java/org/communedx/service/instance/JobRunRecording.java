package org.communedx.service.instance;

import org.aopalliance.intercept.MethodInterceptor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;

/**
 * Records every run of every {@code @SchedulerLock} method in {@code job_run} ({@link JobRuns}), so that a job
 * written anywhere, later, by anyone, shows on the administrators' page without doing anything for it: the lock's
 * name is the job's. A plain Spring AOP advisor, as ShedLock's own is, needing no AspectJ; it is ordered after
 * ShedLock's ({@link ScheduledWorkConfiguration}), so it runs inside the lock and a run skipped because another
 * instance holds it is not recorded as a run. A job called directly (a test, a button) is recorded too.
 */
@Configuration(proxyBeanMethods = false)
class JobRunRecording {

    /** Inside ShedLock's advice, which is ordered before this. */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE;

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor jobRunAdvisor(ObjectProvider<JobRuns> runs) {
        MethodInterceptor recording = invocation -> {
            String job = JobRuns.lockName(invocation.getMethod());
            if (job == null) {
                return invocation.proceed();
            }
            JobRuns jobRuns = runs.getObject();
            long run = jobRuns.started(job);
            try {
                Object result = invocation.proceed();
                jobRuns.finished(run, null);
                return result;
            }
            catch (Throwable failure) {
                jobRuns.finished(run, failure);
                throw failure;
            }
        };
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                AnnotationMatchingPointcut.forMethodAnnotation(SchedulerLock.class), recording);
        advisor.setOrder(ORDER);
        return advisor;
    }
}
