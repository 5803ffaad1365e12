package org.fieldaid.household;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Finds existing persons who may be a member being registered: the same normalised document number, or a
 * family name with a common phonetic key, a given name that is alike once folded to Latin, and a birth date
 * within a year. Both lookups read indexes; no person table scan.
 */
@Component
class DuplicateFinder {

    /** Given names read through the fold must be at least this alike (Jaro-Winkler): Armen / Армен / Արմեն meet. */
    static final double GIVEN_NAME_SIMILARITY = 0.85;

    private final HouseholdIndex index;

    DuplicateFinder(HouseholdIndex index) {
        this.index = index;
    }

    List<DuplicateCandidate> find(RegistrationForm form, Long ownHouseholdId) {
        Map<String, DuplicateCandidate> best = new LinkedHashMap<>();
        for (int i = 0; i < form.members().size(); i++) {
            MemberForm member = form.members().get(i);
            if (member.documentNumber() != null && !member.documentNumber().isBlank()) {
                String number = DocumentType.normalise(member.documentNumber());
                if (!number.isEmpty()) {
                    for (HouseholdIndex.Hit hit : index.byDocument(List.of(number))) {
                        keep(best, candidate(i, hit, "DOCUMENT", 1.0), ownHouseholdId);
                    }
                }
            }
            if (member.familyName() == null || member.familyName().isBlank() || member.birthDate() == null
                    || member.givenName() == null || member.givenName().isBlank()) {
                continue;
            }
            String full = member.familyName() + " " + member.givenName();
            // first the index alone: family name key, birth date, given name and sex; then the few kept, whole
            List<Long> alike = index.candidatesByNameKeys(NameKeys.keys(member.familyName()), member.birthDate())
                    .stream().filter(c -> mayBeSamePerson(member.givenName(), member.sex(), c.givenFolded(), c.sex()))
                    .map(HouseholdIndex.Candidate::personId).toList();
            for (HouseholdIndex.Hit hit : index.byPersonIds(alike)) {
                double score = NameKeys.similarity(full, hit.familyName() + " " + hit.givenName());
                long days = Math.abs(hit.birthDate().toEpochDay() - member.birthDate().toEpochDay());
                keep(best, candidate(i, hit, "NAME", score * (1.0 - days / 3650.0)), ownHouseholdId);
            }
        }
        List<DuplicateCandidate> result = new ArrayList<>(best.values());
        result.sort(Comparator.comparingDouble(DuplicateCandidate::score).reversed());
        return result;
    }

    /**
     * Whether a person found by family name and birth date may be the member by the given name: the given names are
     * alike through the fold that reads every script's spelling (Şahin / Шахин), and the sexes do not differ. A
     * brother and a sister born the same day often have alike names (Narek and Narine); a sex not yet recorded (a
     * draft) keeps the candidate.
     */
    static boolean mayBeSamePerson(String givenName, Sex sex, String otherGivenName, Sex otherSex) {
        boolean differentSex = sex != null && otherSex != null && sex != otherSex;
        return !differentSex && NameKeys.givenSimilarity(givenName, otherGivenName) >= GIVEN_NAME_SIMILARITY;
    }

    private static DuplicateCandidate candidate(int memberIndex, HouseholdIndex.Hit hit, String reason, double score) {
        return new DuplicateCandidate(memberIndex, hit.householdId(), hit.registrationNumber(), hit.status(),
                hit.personId(), hit.familyName() + " " + hit.givenName(), hit.birthDate(), hit.documentNumber(), reason,
                Math.max(0, Math.min(1, score)), hit.agencyCode(), false);
    }

    private static void keep(Map<String, DuplicateCandidate> best, DuplicateCandidate c, Long ownHouseholdId) {
        if (ownHouseholdId != null && c.householdId() == ownHouseholdId) {
            return;
        }
        String key = c.memberIndex() + ":" + c.personId();
        DuplicateCandidate existing = best.get(key);
        if (existing == null || existing.score() < c.score()) {
            best.put(key, c);
        }
    }
}
