package org.fieldaid.aid;

import org.fieldaid.approval.ApprovalKind;
import org.fieldaid.security.Authority;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A distribution round is approved as a whole, with AID:APPROVE, and shown on the rounds page. */
@Configuration(proxyBeanMethods = false)
class RoundApproval {

    @Bean
    ApprovalKind roundApprovalKind() {
        return new ApprovalKind(Aid.ROUND_APPROVAL_KIND, Authority.AID_APPROVE, "aid/rounds/{id}");
    }
}
