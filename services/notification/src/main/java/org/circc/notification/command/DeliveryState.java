package org.circc.notification.command;

/** api.md's delivery states. */
public enum DeliveryState { QUEUED, SENT, DELIVERED, FAILED, DEAD_LETTERED }
