package org.yizhan.locator.account;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The security principal of a signed-in account: what Spring Security needs, plus its {@link Actor}
 * and the account's session epoch at sign-in (a session with an older epoch than the account's is ended).
 */
public record SignedInUser(String username, String passwordHash, boolean enabled, Actor actor, long sessionEpoch)
        implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
