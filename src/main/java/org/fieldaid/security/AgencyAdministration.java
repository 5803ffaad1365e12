package org.fieldaid.security;

import static org.fieldaid.security.Authority.Codes.AGENCY_MANAGE;
import static org.fieldaid.security.Authority.Codes.USER_MANAGE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.fieldaid.base.AuditRecord;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agencies and their capabilities. A change of capabilities changes what every member may do. */
@Service
public class AgencyAdministration {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    private final AgencyRepository agencies;
    private final ApplicationEventPublisher events;

    AgencyAdministration(AgencyRepository agencies, ApplicationEventPublisher events) {
        this.agencies = agencies;
        this.events = events;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyAuthority('" + AGENCY_MANAGE + "', '" + USER_MANAGE + "')")
    public List<AgencyRow> all() {
        return agencies.findAllByOrderByNameAsc().stream().map(AgencyRow::of).toList();
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + AGENCY_MANAGE + "')")
    public AgencyRow create(String code, String name, Set<Capability> capabilities) {
        Map<String, List<String>> problems = check(name);
        if (code == null || !CODE.matcher(code).matches()) {
            problems.put("code", new ArrayList<>(List.of("agency.error.code-format")));
        } else if (agencies.findByCode(code).isPresent()) {
            problems.put("code", new ArrayList<>(List.of("agency.error.code-taken")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Agency agency = agencies.save(new Agency(code, name.strip(), capabilities));
        events.publishEvent(AuditRecord.of("AGENCY_CREATED", "AGENCY", code, "Agency created", null, agency.describe())
                .saying("agency-created"));
        return AgencyRow.of(agency);
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + AGENCY_MANAGE + "')")
    public AgencyRow update(long id, int expectedVersion, String name, Set<Capability> capabilities, boolean active) {
        Agency agency = agencies.findById(id).orElseThrow(() -> InvalidInputException.of("id", "error.not-found"));
        if (agency.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("Agency", agency.getCode(), agency.describe());
        }
        Map<String, List<String>> problems = check(name);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String before = agency.describe();
        agency.setName(name.strip());
        agency.setCapabilities(capabilities);
        agency.setActive(active);
        agencies.flush();
        events.publishEvent(AuditRecord.of("AGENCY_UPDATED", "AGENCY", agency.getCode(), "Agency changed", before,
                agency.describe()).saying("agency-changed"));
        return AgencyRow.of(agency);
    }

    private static Map<String, List<String>> check(String name) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        if (name == null || name.isBlank()) {
            problems.put("name", new ArrayList<>(List.of("validation.required")));
        }
        org.fieldaid.base.TextInput.check(problems, "name", name, 200);
        return problems;
    }
}
