package org.fieldaid.approval;

import org.fieldaid.support.SignIn;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** {@link ApprovalDecisionContract} on H2, the default database, in a JVM of its own (see IntegrationTest). */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:approvaltest;DB_CLOSE_DELAY=-1")
@ActiveProfiles("demo")
@Import(SignIn.class)
class ApprovalDecisionH2OwnContextTest extends ApprovalDecisionContract {
}
