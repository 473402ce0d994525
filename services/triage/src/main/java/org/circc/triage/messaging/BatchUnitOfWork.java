package org.circc.triage.messaging;

import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.circc.triage.command.CampaignCorrelation;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One Axon unit of work for all the commands of a consumer transaction (a batch of records). The commands run in
 * nested units whose events Axon holds until this one commits, so the correlation aggregate is loaded once per
 * batch and the batch's events are appended in one JDBC batch, just before the transaction commits.
 *
 * <p>Should the transaction not commit, the unit of work rolls back and the cached aggregate, which already
 * applied the batch's events, is evicted, to be reloaded from what the event store really holds.
 */
final class BatchUnitOfWork implements TransactionSynchronization {

    private final UnitOfWork<?> unitOfWork;
    private final Cache correlationCache;

    private BatchUnitOfWork(UnitOfWork<?> unitOfWork, Cache correlationCache) {
        this.unitOfWork = unitOfWork;
        this.correlationCache = correlationCache;
    }

    /** Starts the transaction's unit of work unless it runs already (or there is no transaction to join). */
    static void joinOrStart(Cache correlationCache) {
        if (CurrentUnitOfWork.isStarted() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(
                new BatchUnitOfWork(DefaultUnitOfWork.startAndGet(null), correlationCache));
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        unitOfWork.commit();
    }

    @Override
    public void afterCompletion(int status) {
        if (unitOfWork.isActive()) {
            unitOfWork.rollback();
        }
        if (status != STATUS_COMMITTED) {
            correlationCache.remove(CampaignCorrelation.ID);
        }
    }
}
