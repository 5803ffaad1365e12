package org.fieldaid.aid;

import java.util.Set;
import org.fieldaid.approval.SubjectAccess;
import org.springframework.stereotype.Component;

/** Answers the approval module whether the caller may see a distribution round before it shows or decides one. */
@Component
class RoundAccess implements SubjectAccess {

    private final Aid aid;

    RoundAccess(Aid aid) {
        this.aid = aid;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(Aid.ROUND_APPROVAL_KIND);
    }

    @Override
    public boolean maySee(long subjectId) {
        return aid.maySeeRound(subjectId);
    }
}
