package org.circc.gateway.security;

/**
 * Where the per-principal request budgets are kept. {@link InMemoryRequestBudgets} keeps them in this gateway's
 * memory (each replica its own budget); a deployment that wants one budget across replicas declares its own bean
 * backed by a shared store.
 */
public interface RequestBudgets {

    /** Takes one request from the principal's budget; false when it is spent for the current period. */
    boolean tryAcquire(String principal);
}
