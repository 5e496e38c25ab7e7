package org.yizhan.locator.account;

import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yizhan.geo.division.Divisions;
import org.yizhan.locator.web.ApiException;

/** Account administration: validation of roles and regions, password hashing. */
@Service
class AccountService {

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final Divisions divisions = Divisions.standard();

    AccountService(AccountRepository accounts, PasswordEncoder encoder, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Account> all() {
        return accounts.findAllByOrderByUsername();
    }

    @Transactional(readOnly = true)
    Account get(String username) {
        return accounts.findByUsernameIgnoreCase(username)
                .orElseThrow(() -> ApiException.notFound("account.unknown", username));
    }

    @Transactional
    Account create(AccountForm form) {
        if (accounts.findByUsernameIgnoreCase(form.username()).isPresent()) {
            throw ApiException.of(HttpStatus.CONFLICT, "account.username.taken", form.username())
                    .with("field", "username");
        }
        if (form.password() == null) throw ApiException.invalid("password", "account.password.short");
        Account account = new Account(form.username(), clock.instant());
        apply(account, form);
        return accounts.save(account);
    }

    @Transactional
    Account update(String username, AccountForm form) {
        Account account = get(username);
        if (form.version() == null || form.version() != account.version()) {
            throw ApiException.of(HttpStatus.CONFLICT, "account.stale").with("currentVersion", account.version());
        }
        apply(account, form);
        account.touch(clock.instant());
        return accounts.saveAndFlush(account);
    }

    private void apply(Account account, AccountForm form) {
        Role role = Role.parse(form.role()).orElseThrow();
        List<String> regions = form.regions().stream().distinct().sorted().toList();
        for (String prefix : regions) {
            String code = (prefix + "0000").substring(0, 6);
            if (divisions.find(code).isEmpty()) {
                throw ApiException.invalid("regions", "account.region.unknown", prefix);
            }
        }
        if (role == Role.EDITOR && regions.isEmpty()) {
            throw ApiException.invalid("regions", "account.region.needed");
        }
        account.setDisplayName(form.displayName().trim());
        // Viewers keep regions too: they are where the viewer may read personal data. Admins have all.
        List<String> kept = role == Role.ADMIN ? List.of() : regions;
        boolean rightsChange = account.role() != role
                || !account.regions().equals(kept)
                || form.password() != null
                || (form.enabled() != null && form.enabled() != account.enabled());
        account.setRegions(kept);
        account.setRole(role);
        if (form.password() != null) account.setPasswordHash(encoder.encode(form.password()));
        if (form.enabled() != null) account.setEnabled(form.enabled());
        // Open sessions signed in before this change end on their next request (SessionEpochFilter).
        if (rightsChange) account.endSessions();
    }
}
