package org.circc.escalation.config;

import com.github.kagkarlsson.scheduler.task.AbstractTask;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon's deadline task keeps running Axon's deadlines, now retried within seconds when one fails. */
class DeadlineTaskRetriesTest {

    private final DeadlineTaskRetries retries = new DeadlineTaskRetries();

    @Test
    void axonsDeadlineTaskIsReplacedByOneThatRunsItAndRetriesQuickly() {
        AtomicInteger executed = new AtomicInteger();
        Task<DbSchedulerBinaryDeadlineDetails> axonTask = Tasks
                .oneTime("AxonDeadline", DbSchedulerBinaryDeadlineDetails.class)
                .execute((instance, context) -> executed.incrementAndGet());

        Object replaced = retries.postProcessAfterInitialization(axonTask, "dbSchedulerDeadlineDetailsTask");

        assertThat(replaced).isInstanceOf(AbstractTask.class).isNotSameAs(axonTask);
        @SuppressWarnings("unchecked")
        AbstractTask<DbSchedulerBinaryDeadlineDetails> task = (AbstractTask<DbSchedulerBinaryDeadlineDetails>) replaced;
        assertThat(task.getName()).isEqualTo("AxonDeadline");
        assertThat(task.getDataClass()).isEqualTo(DbSchedulerBinaryDeadlineDetails.class);
        assertThat(task.getFailureHandler()).isInstanceOf(FailureHandler.ExponentialBackoffFailureHandler.class);
        task.execute(task.instance("deadline-1"), null);
        assertThat(executed).hasValue(1);
    }

    @Test
    void otherBeansAreLeftAlone() {
        Task<String> other = Tasks.oneTime("other", String.class).execute((instance, context) -> { });

        assertThat(retries.postProcessAfterInitialization(other, "other")).isSameAs(other);
    }
}
