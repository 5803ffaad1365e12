package org.fieldaid.security;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class FieldAidUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;
    private final Clock clock;

    FieldAidUserDetailsService(AppUserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username)
                .map(user -> new FieldAidUser(user, user.isLockedAt(clock.instant())))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
