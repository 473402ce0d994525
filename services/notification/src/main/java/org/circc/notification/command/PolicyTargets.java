package org.circc.notification.command;

/** Which stakeholders the latest version of some escalation policy targets (from escalation's policy events). */
public interface PolicyTargets {

    boolean isTargeted(String stakeholderId);
}
