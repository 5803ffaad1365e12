package org.fieldaid.household;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * Three families registered twice in the demo, each time in another spelling, as happens when a family passes
 * two reception points: the second registration of each waits for a supervisor, who should see the first.
 */
final class PlantedDuplicates implements Supplier<HouseholdGenerator.Family> {

    static final int COUNT = 6;

    private final Deque<HouseholdGenerator.Family> families = new ArrayDeque<>();

    PlantedDuplicates(List<Long> origins, List<Long> receptions, LocalDate today) {
        long origin = origins.get(0);
        long goris = receptions.get(Math.min(1, receptions.size() - 1));
        long yerevan = receptions.get(receptions.size() - 1);
        add(origin, goris, HouseholdStatus.REGISTERED, "MCHS", "mchs.officer",
                person("Hovhannisyan", "Armen", Sex.MALE, LocalDate.of(1975, 3, 12), DocumentType.ARMENIAN_PASSPORT, "AN1234567"),
                person("Hovhannisyan", "Anna", Sex.FEMALE, LocalDate.of(1978, 7, 2), null, null));
        add(origin, yerevan, HouseholdStatus.SUBMITTED, "MOD", "mod.officer",
                person("Оганесян", "Армен", Sex.MALE, LocalDate.of(1975, 9, 1), null, null));
        add(origin, goris, HouseholdStatus.REGISTERED, "MCHS", "mchs.officer",
                person("Sargsyan", "Lilit", Sex.FEMALE, LocalDate.of(1982, 6, 20), DocumentType.ARMENIAN_PASSPORT, "AK2345678"));
        add(origin, yerevan, HouseholdStatus.SUBMITTED, "HEALTH", "health.officer",
                person("Саркисян", "Лилит", Sex.FEMALE, LocalDate.of(1982, 6, 20), DocumentType.ARMENIAN_PASSPORT, "АК 234 5678"));
        add(origin, goris, HouseholdStatus.REGISTERED, "MOD", "mod.officer",
                person("Mkrtchyan", "Hayk", Sex.MALE, LocalDate.of(1990, 1, 5), DocumentType.ARTSAKH_PASSPORT, "AA3456789"));
        add(origin, yerevan, HouseholdStatus.SUBMITTED, "MCHS", "mchs.officer",
                person("Մկրտչյան", "Հայկ", Sex.MALE, LocalDate.of(1990, 5, 1), null, null));
    }

    private void add(long origin, long current, HouseholdStatus status, String agency, String user,
                     HouseholdGenerator.Member head, HouseholdGenerator.Member... others) {
        List<HouseholdGenerator.Member> members = new java.util.ArrayList<>();
        members.add(head);
        for (HouseholdGenerator.Member m : others) {
            members.add(new HouseholdGenerator.Member(m.familyName(), m.givenName(), null, m.sex(), m.birthDate(),
                    false, Relation.SPOUSE, m.documentType(), m.documentNumber(), m.vulnerabilities()));
        }
        families.add(new HouseholdGenerator.Family(origin, current, "Reception centre, room 12",
                LocalDate.of(2020, 10, 20), "+374 77 123456", true, true, EnumSet.of(Vulnerability.LOST_HOME),
                members, status, agency, user));
    }

    private static HouseholdGenerator.Member person(String family, String given, Sex sex, LocalDate birth,
                                                    DocumentType type, String number) {
        return new HouseholdGenerator.Member(family, given, null, sex, birth, false, Relation.HEAD, type, number,
                EnumSet.noneOf(Vulnerability.class));
    }

    @Override
    public HouseholdGenerator.Family get() {
        return families.removeFirst();
    }
}
