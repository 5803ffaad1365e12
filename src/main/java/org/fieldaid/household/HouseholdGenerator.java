package org.fieldaid.household;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Plausible displaced families, the same ones for the same seed: for the demo data and for the scale data.
 * Names come in the spellings the field meets: Latin, Cyrillic and Armenian script.
 */
final class HouseholdGenerator implements java.util.function.Supplier<HouseholdGenerator.Family> {

    record Member(String familyName, String givenName, String patronymic, Sex sex, LocalDate birthDate,
                  boolean estimated, Relation relation, DocumentType documentType, String documentNumber,
                  Set<Vulnerability> vulnerabilities) {
    }

    record Family(long originSettlementId, long currentSettlementId, String address, LocalDate displacedOn,
                  String phone, boolean consentPartners, boolean consentContact, Set<Vulnerability> vulnerabilities,
                  List<Member> members, HouseholdStatus status, String agencyCode, String registeredBy) {
    }

    /** Family names as [Latin, Cyrillic, Armenian]. */
    private static final String[][] FAMILY = {
            {"Hovhannisyan", "Оганесян", "Հովհաննիսյան"}, {"Sargsyan", "Саркисян", "Սարգսյան"},
            {"Grigoryan", "Григорян", "Գրիգորյան"}, {"Petrosyan", "Петросян", "Պետրոսյան"},
            {"Harutyunyan", "Арутюнян", "Հարությունյան"}, {"Hakobyan", "Акопян", "Հակոբյան"},
            {"Avetisyan", "Аветисян", "Ավետիսյան"}, {"Karapetyan", "Карапетян", "Կարապետյան"},
            {"Mkrtchyan", "Мкртчян", "Մկրտչյան"}, {"Gasparyan", "Гаспарян", "Գասպարյան"},
            {"Khachatryan", "Хачатрян", "Խաչատրյան"}, {"Vardanyan", "Варданян", "Վարդանյան"},
            {"Stepanyan", "Степанян", "Ստեփանյան"}, {"Danielyan", "Даниелян", "Դանիելյան"},
            {"Baghdasaryan", "Багдасарян", "Բաղդասարյան"}, {"Arakelyan", "Аракелян", "Առաքելյան"},
            {"Movsisyan", "Мовсисян", "Մովսիսյան"}, {"Beglaryan", "Бегларян", "Բեգլարյան"},
            {"Balayan", "Балаян", "Բալայան"}, {"Aghajanyan", "Агаджанян", "Աղաջանյան"},
            {"Ohanyan", "Оганян", "Օհանյան"}, {"Melkonyan", "Мелконян", "Մելքոնյան"},
            {"Simonyan", "Симонян", "Սիմոնյան"}, {"Manukyan", "Манукян", "Մանուկյան"},
            {"Galstyan", "Галстян", "Գալստյան"}, {"Babayan", "Бабаян", "Բաբայան"},
            {"Musayelyan", "Мусаелян", "Մուսայելյան"}, {"Tovmasyan", "Товмасян", "Թովմասյան"},
            {"Ivanov", "Иванов", "Իվանով"}, {"Petrov", "Петров", "Պետրով"}};
    private static final String[][] MALE = {
            {"Armen", "Армен", "Արմեն"}, {"Tigran", "Тигран", "Տիգրան"}, {"Davit", "Давид", "Դավիթ"},
            {"Aram", "Арам", "Արամ"}, {"Gor", "Гор", "Գոռ"}, {"Hayk", "Айк", "Հայկ"}, {"Karen", "Карен", "Կարեն"},
            {"Vahe", "Ваэ", "Վահե"}, {"Samvel", "Самвел", "Սամվել"}, {"Artur", "Артур", "Արթուր"},
            {"Narek", "Нарек", "Նարեկ"}, {"Ashot", "Ашот", "Աշոտ"}, {"Sergey", "Сергей", "Սերգեյ"}};
    private static final String[][] FEMALE = {
            {"Anna", "Анна", "Աննա"}, {"Lilit", "Лилит", "Լիլիթ"}, {"Mariam", "Мариам", "Մարիամ"},
            {"Ani", "Ани", "Անի"}, {"Narine", "Нарине", "Նարինե"}, {"Gayane", "Гаяне", "Գայանե"},
            {"Armine", "Армине", "Արմինե"}, {"Nune", "Нуне", "Նունե"}, {"Siranush", "Сирануш", "Սիրանուշ"},
            {"Hasmik", "Асмик", "Հասմիկ"}, {"Lusine", "Лусине", "Լուսինե"}, {"Elena", "Елена", "Ելենա"}};
    private static final String[] SHELTERS = {"Hotel Mirhav, room ", "Dormitory 3, room ", "School No. 2, class ",
            "Family hosting, house ", "Sanatorium, block "};

    private final SplittableRandom random;
    private final List<Long> origins;
    private final List<Long> receptions;
    private final List<String[]> registrars;
    private final LocalDate today;

    /** @param registrars pairs of [agency code, user name] who may have registered a family */
    HouseholdGenerator(long seed, List<Long> origins, List<Long> receptions, List<String[]> registrars,
                       LocalDate today) {
        this.random = new SplittableRandom(seed);
        this.origins = origins;
        this.receptions = receptions;
        this.registrars = registrars;
        this.today = today;
    }

    @Override
    public Family get() {
        int script = random.nextInt(10) < 7 ? 0 : random.nextInt(10) < 7 ? 1 : 2;
        String[] family = FAMILY[random.nextInt(FAMILY.length)];
        LocalDate displaced = LocalDate.of(2020, 9, 27).plusDays(random.nextInt(70));
        int size = 1 + random.nextInt(6);
        List<Member> members = new ArrayList<>();
        boolean headMale = random.nextInt(10) < 6;
        String[] headGiven = pick(headMale ? MALE : FEMALE);
        LocalDate headBirth = today.minusYears(22 + random.nextInt(55)).minusDays(random.nextInt(365));
        members.add(member(family, script, headGiven, headMale, headBirth, Relation.HEAD, size == 1));
        if (size > 1 && random.nextInt(10) < 7) {
            String[] spouseGiven = pick(headMale ? FEMALE : MALE);
            members.add(member(family, script, spouseGiven, !headMale,
                    headBirth.plusDays(random.nextInt(2000) - 1000), Relation.SPOUSE, false));
        }
        while (members.size() < size) {
            boolean male = random.nextBoolean();
            LocalDate birth = headBirth.plusYears(20 + random.nextInt(15)).plusDays(random.nextInt(365));
            if (birth.isAfter(today)) {
                birth = today.minusDays(30 + random.nextInt(3000));
            }
            members.add(member(family, script, pick(male ? MALE : FEMALE), male, birth, Relation.CHILD, false));
        }
        Set<Vulnerability> household = EnumSet.noneOf(Vulnerability.class);
        if (random.nextInt(10) < 6) {
            household.add(Vulnerability.LOST_HOME);
        }
        if (size >= 5) {
            household.add(Vulnerability.LARGE_FAMILY);
        }
        if (random.nextInt(10) < 2) {
            household.add(Vulnerability.NO_INCOME);
        }
        String[] registrar = registrars.get(random.nextInt(registrars.size()));
        return new Family(origins.get(random.nextInt(origins.size())),
                receptions.get(random.nextInt(receptions.size())),
                SHELTERS[random.nextInt(SHELTERS.length)] + (1 + random.nextInt(300)), displaced,
                "+374 " + (77 + random.nextInt(22)) + " " + (100000 + random.nextInt(900000)),
                random.nextInt(10) < 6, random.nextInt(10) < 8, household, members, status(), registrar[0],
                registrar[1]);
    }

    private HouseholdStatus status() {
        int r = random.nextInt(100);
        if (r < 70) {
            return HouseholdStatus.REGISTERED;
        }
        if (r < 80) {
            return HouseholdStatus.SUBMITTED;
        }
        if (r < 87) {
            return HouseholdStatus.DRAFT;
        }
        if (r < 92) {
            return HouseholdStatus.REJECTED;
        }
        return r < 97 ? HouseholdStatus.RETURNED : HouseholdStatus.CLOSED;
    }

    private Member member(String[] family, int script, String[] given, boolean male, LocalDate birth, Relation relation,
                          boolean alone) {
        String familyName = family[script];
        if (!male && script == 1 && familyName.endsWith("ов")) {
            familyName = familyName + "а";
        }
        boolean adult = birth.isBefore(today.minusYears(16));
        DocumentType type = adult ? (random.nextInt(10) < 8 ? DocumentType.ARMENIAN_PASSPORT : DocumentType.ARTSAKH_PASSPORT)
                : DocumentType.BIRTH_CERTIFICATE;
        String number = switch (type) {
            case ARMENIAN_PASSPORT -> "A" + (char) ('K' + random.nextInt(6)) + (1000000 + random.nextInt(9000000));
            case ARTSAKH_PASSPORT -> "AA" + (1000000 + random.nextInt(9000000));
            default -> "IIAR" + (100000 + random.nextInt(900000));
        };
        if (random.nextInt(20) == 0) {
            number = null;
        }
        Set<Vulnerability> vulnerabilities = EnumSet.noneOf(Vulnerability.class);
        if (alone && birth.isBefore(today.minusYears(70))) {
            vulnerabilities.add(Vulnerability.ELDERLY_ALONE);
        }
        int r = random.nextInt(100);
        if (r < 5) {
            vulnerabilities.add(Vulnerability.DISABILITY);
        } else if (r < 10) {
            vulnerabilities.add(Vulnerability.CHRONIC_ILLNESS);
        } else if (r < 12 && !male && adult) {
            vulnerabilities.add(Vulnerability.PREGNANT);
        }
        return new Member(familyName, given[script], null, male ? Sex.MALE : Sex.FEMALE, birth,
                random.nextInt(30) == 0, relation, number == null ? null : type, number, vulnerabilities);
    }

    private String[] pick(String[][] names) {
        return names[random.nextInt(names.length)];
    }
}
