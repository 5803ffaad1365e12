package org.fieldaid.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.fieldaid.FieldAidApplication;
import org.fieldaid.household.HouseholdFilter;
import org.fieldaid.household.HouseholdRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

class SearchProfileBenchmark {
    @Test
    void profile() {
        try (var app = new SpringApplicationBuilder(FieldAidApplication.class).profiles("demo").run(
                "--fieldaid.data-dir=" + System.getProperty("benchmark.h2-dir"), "--server.port=0",
                "--spring.main.banner-mode=off")) {
            var user = app.getBean(UserDetailsService.class).loadUserByUsername("mchs.officer");
            var holder = app.getBean(SecurityContextHolderStrategy.class);
            var ctx = holder.createEmptyContext();
            ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            holder.setContext(ctx);
            HouseholdRegistry registry = app.getBean(HouseholdRegistry.class);
            PageRequest page = PageRequest.of(0, 50, Sort.by(Sort.Direction.DESC, "id"));
            for (String text : List.of("Petrosyan", "Armen", "Petrosyan Armen", "Мкртчян Hayk", "Anna Hakobyan",
                    "Sargsyan Лилит")) {
                HouseholdFilter f = HouseholdFilter.text(text);
                List<Double> count = new ArrayList<>(), find = new ArrayList<>();
                long n = 0;
                for (int i = 0; i < 40; i++) {
                    org.fieldaid.household.SearchResultsForTests.forget(app);
                    long t0 = System.nanoTime();
                    n = registry.count(f);
                    long t1 = System.nanoTime();
                    registry.find(f, page);
                    long t2 = System.nanoTime();
                    if (i >= 10) {
                        count.add((t1 - t0) / 1e6);
                        find.add((t2 - t1) / 1e6);
                    }
                }
                Collections.sort(count);
                Collections.sort(find);
                System.out.printf("PROFILE %-20s n=%6d count med %6.1f p95 %6.1f | find med %6.1f p95 %6.1f%n", text, n,
                        count.get(15), count.get(28), find.get(15), find.get(28));
            }
        }
    }
}
