package org.circc.escalation.config;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.springframework.beans.factory.config.BeanPostProcessor;

import java.time.Duration;

/**
 * Axon's auto-configuration registers the db-scheduler task that runs deadlines ({@code AxonDeadline}) with
 * db-scheduler's default failure handling for one-time tasks: try again in 5 minutes. A deadline fails when its
 * chain changed under it (a {@code ConcurrencyException}: a consumer's transaction appended to the chain first),
 * and a level due now must not wait 5 minutes for that. This replaces the task with one that runs Axon's, and
 * retries it after 1 s, 2 s, 4 s… The retry sees the chain's new state, so an obsolete deadline still does nothing.
 */
class DeadlineTaskRetries implements BeanPostProcessor {

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final double BACK_OFF_RATE = 2;

    @Override
    @SuppressWarnings("unchecked")
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof Task<?> task && task.getDataClass() == DbSchedulerBinaryDeadlineDetails.class) {
            return retrying((Task<DbSchedulerBinaryDeadlineDetails>) task);
        }
        return bean;
    }

    static Task<DbSchedulerBinaryDeadlineDetails> retrying(Task<DbSchedulerBinaryDeadlineDetails> axonTask) {
        return new Tasks.OneTimeTaskBuilder<>(axonTask.getName(), DbSchedulerBinaryDeadlineDetails.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(FIRST_RETRY, BACK_OFF_RATE))
                .execute(axonTask::execute);
    }
}
