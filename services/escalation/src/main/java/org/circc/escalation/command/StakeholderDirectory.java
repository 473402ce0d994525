package org.circc.escalation.command;

import org.circc.contracts.Sector;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The directory's stakeholders as escalation last heard of them ({@code circc.directory-events}). */
public interface StakeholderDirectory {

    /** The known ones among {@code stakeholderIds}; unknown ids are left out. */
    List<Stakeholder> find(Collection<String> stakeholderIds);

    /** Stakeholders whose subscription selects {@code sector}. */
    List<Stakeholder> subscribersOf(Sector sector);

    /** The ids among {@code stakeholderIds} the directory does not know. */
    Set<String> unknown(Collection<String> stakeholderIds);
}
