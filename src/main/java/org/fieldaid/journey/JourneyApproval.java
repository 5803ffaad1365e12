package org.fieldaid.journey;

import java.util.Set;
import org.fieldaid.approval.ApprovalKind;
import org.fieldaid.approval.SubjectAccess;
import org.fieldaid.security.Authority;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/** A return journey is approved by a supervisor with JOURNEY:APPROVE, and shown on the journey board. */
@Configuration(proxyBeanMethods = false)
class JourneyApproval {

    @Bean
    ApprovalKind journeyApprovalKind() {
        return new ApprovalKind(Journeys.APPROVAL_KIND, Authority.JOURNEY_APPROVE, "journeys/{id}");
    }

    /** Answers the approval module whether the caller may see a journey before it shows or decides one. */
    @Component
    static class Access implements SubjectAccess {

        private final Journeys journeys;

        Access(Journeys journeys) {
            this.journeys = journeys;
        }

        @Override
        public Set<String> kinds() {
            return Set.of(Journeys.APPROVAL_KIND);
        }

        @Override
        public boolean maySee(long subjectId) {
            return journeys.maySee(subjectId);
        }
    }
}
