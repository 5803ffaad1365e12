package org.fieldaid.aid;

import java.util.Set;
import org.fieldaid.approval.ApprovalKind;
import org.fieldaid.approval.SubjectAccess;
import org.fieldaid.security.Authority;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A package outside the entitlement is decided on its own, with AID:APPROVE, by any aid supervisor but the one who
 * asked (four eyes in the approval module); the inbox opens it on the household's Aid tab.
 */
@Configuration(proxyBeanMethods = false)
class ExceptionApproval {

    @Bean
    ApprovalKind exceptionApprovalKind() {
        return new ApprovalKind(Aid.EXCEPTION_APPROVAL_KIND, Authority.AID_APPROVE, "aid/exceptions/{id}");
    }

    @Bean
    SubjectAccess exceptionAccess(Aid aid) {
        return new SubjectAccess() {
            @Override
            public Set<String> kinds() {
                return Set.of(Aid.EXCEPTION_APPROVAL_KIND);
            }

            @Override
            public boolean maySee(long subjectId) {
                return aid.maySeeException(subjectId);
            }
        };
    }
}
